"""A store whose log holds every kind of event the views read, and that log decoded.

The demo catalogue, a model project removed, reminders sent, moved and cancelled by the
reminder service through a real SMTP server, a participant declining a meeting (and taking
it back and declining again), registrations accepted, declined (a person of it erased) and
confirmed (their series then withdrawn), an enrolment moved up from the waiting list, people's
names corrected, and a series run to its close
(moved, cancelled and held meetings, a withdrawn enrolment, a participant who left).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from audit.erasure import erase_subject
from demo.catalogue import load_demo
from peerlearning.bootstrap import Services, bootstrap
from projections.applying import Event, decoded
from scheduler.service import build_service
from scheduler.settings import reminder_settings
from store.settings import store_settings
from tests.projections.test_views import run_series_to_close
from tests.scheduler.scenario import P1D_DUE, P7D_DUE, series_with
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.demo_store import DEMO_NOW
from tests.support.keys import key_for
from tests.support.samples import announce, at, municipality
from tests.support.stores import sqlite_url

BEFORE_THE_SAMPLES = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)  # the samples' meetings are later
SAMPLE_PROJECTS = ("5 für Südwestfalen",)  # Arnsberg and Olpe, the samples, are members
CONTACT = {"name": "Rieke Register", "email": "rieke@example.org"}
FURTHER = {"name": "Jonte Mitläufer", "email": "jonte@example.org", "locale": "en"}


def busy_store(folder: Path) -> Iterator[Services]:
    clock = FakeClock(DEMO_NOW)
    services = bootstrap(store_settings(sqlite_url(folder)), clock=clock)
    try:
        load_demo(services)  # only into an empty store
        _model_project_removed(services)
        clock.set(BEFORE_THE_SAMPLES)
        _reminders(services, clock)
        _registrations(services)
        _moved_up(services)
        run_series_to_close(services, clock)
        yield services
    finally:
        services.close()


def logged_events(services: Services) -> list[Event]:
    """Every event of the log, in order, decoded as the projector decodes them."""
    app = services.app
    notifications = app.recorder.select_notifications(start=1, limit=1_000_000)
    return [(n, decoded(app, n)) for n in notifications]


def _registrations(services: Services) -> None:
    app = services.app
    series_id = announce(app, title="Anmeldungen")
    names = ("Gemeinde Angenommen", "Gemeinde Abgelehnt", "Gemeinde Bestätigt")
    ids = [
        app.register(series_id, {"name": n, "key": key_for(n)}, CONTACT, [FURTHER], "public")[0]
        for n in names
    ]
    for registration_id in ids:
        app.confirm_registration(registration_id, actor="public:p-1")
    app.accept_registration(ids[0], actor="anna")
    app.decline_registration(ids[1], "Kein Platz mehr", actor="anna")
    declined_contact = app.registration(ids[1]).contact.participant_id
    erase_subject(app, services.audit.keys, declined_contact, actor="anna")
    app.withdraw_series(series_id, actor="anna", reason="Zu wenige Anmeldungen")


def _moved_up(services: Services) -> None:
    """A seat comes free and the first on the waiting list moves up."""
    app = services.app
    series_id = announce(app, title="Nachrücken", capacity=1)
    first, _ = app.enrol(series_id, municipality("Gemeinde Vorn"), "Vera", "v@vorn.example", "a")
    app.enrol(series_id, municipality("Gemeinde Hinten"), "Hugo", "h@hinten.example", "anna")
    app.withdraw_enrollment(first, actor="anna", reason="Keine Zeit")


def _model_project_removed(services: Services) -> None:
    """The samples' municipalities are members of a project funded in the demo: they may
    enrol once it is removed."""
    found: list[dict[str, Any]] = services.views.model_projects()
    for project in found:
        if project["name"] in SAMPLE_PROJECTS:
            services.app.remove_model_project(project["model_project_id"], actor="anna")


def _reminders(services: Services, clock: FakeClock) -> None:
    sink = SmtpSink().start()
    reminders = build_service(
        services.app, services.views, services.db, reminder_settings(dict(sink.env)), owner="t"
    )
    try:
        scenario = series_with(services.app, title="Erinnerungen")
        eva = scenario.join("Eva")
        scenario.join("Max")  # Eva declines the meeting below; Max is reminded of it
        app = services.app
        app.correct_participant(scenario.enrollment_id, eva, {"name": "Eva Neu"}, actor="anna")
        app.correct_contact(scenario.enrollment_id, {"name": "Clara Neu"}, actor="anna")
        first = scenario.schedule_kickoff()
        for answer in (app.decline_meeting, app.undo_decline, app.decline_meeting):
            answer(scenario.enrollment_id, eva, first, actor="public:p-2")
        clock.set(P7D_DUE)
        reminders.sweep()
        moved = P1D_DUE + timedelta(days=7)
        services.app.reschedule_meeting(
            scenario.series_id, first, at(moved.date(), 14), at(moved.date(), 16), actor="anna"
        )
        reminders.sweep()
        services.app.cancel_meeting(scenario.series_id, first, actor="anna", reason="Feiertag")
        reminders.sweep()
    finally:
        reminders.close()
        sink.stop()
