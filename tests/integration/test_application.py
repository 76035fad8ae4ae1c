"""The application service on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from application.app import PeerLearningApp
from domain.errors import (
    AlreadyEnrolled,
    NotEligible,
    PeerLearningNotFound,
    SeriesClosed,
    StaleVersion,
)
from domain.values import EnrollmentStatus, MeetingState
from tests.integration.helpers import recorded_events
from tests.support.clock import FakeClock
from tests.support.samples import announce, at, municipality, schedule


def enrol(app: PeerLearningApp, series_id: UUID, name: str) -> tuple[UUID, str]:
    return app.enrol(series_id, municipality(name), "Jörg Groß", "joerg@example.org", actor="ben")


def test_a_series_from_announcement_to_closing(app: PeerLearningApp, clock: FakeClock) -> None:
    series_id = announce(app, capacity=2)
    kickoff = schedule(app, series_id, "kickoff", date(2024, 10, 2))
    schedule(app, series_id, "exchange", date(2024, 11, 5))
    reflection = schedule(app, series_id, "reflection", date(2025, 3, 4))
    enrollment_id, status = enrol(app, series_id, "Stadt Arnsberg")
    participant_id = app.join(enrollment_id, "Eva Weiß", "eva@arnsberg.example", actor="eva")
    clock.set(datetime(2025, 3, 5, 9, tzinfo=UTC))
    app.mark_meeting_held(series_id, kickoff, actor="anna", attendance=14)
    app.mark_meeting_held(series_id, reflection, actor="anna")
    app.close_series(series_id, actor="anna")
    series = app.series(series_id)
    assert status == EnrollmentStatus.ADMITTED
    assert app.enrollment(enrollment_id).participant(participant_id).person.name == "Eva Weiß"
    assert series.meeting(kickoff).attendance == 14
    assert (series.reflection_held_on, series.closed_on) == (date(2025, 3, 4), date(2025, 3, 5))
    with pytest.raises(SeriesClosed, match="closed on 2025-03-05 and refuses every change"):
        app.set_joining(series_id, open=False, actor="anna")


def test_past_capacity_enrolments_wait_and_the_first_moves_up(app: PeerLearningApp) -> None:
    series_id = announce(app, capacity=1)
    first, _ = enrol(app, series_id, "Stadt Arnsberg")
    waiting = [enrol(app, series_id, name) for name in ("Stadt Olpe", "Stadt Siegen")]
    assert [status for _, status in waiting] == ["waitlisted", "waitlisted"]
    app.withdraw_enrollment(first, actor="ben", reason="Keine Zeit")
    promoted = app.enrollment(waiting[0][0])
    assert promoted.status == EnrollmentStatus.ADMITTED
    assert app.enrollment(waiting[1][0]).status == EnrollmentStatus.WAITLISTED
    series = app.series(series_id)
    assert (series.admitted, series.waitlist) == ([str(waiting[0][0])], [str(waiting[1][0])])
    admitted_by = [e for e in recorded_events(app) if type(e).__name__.endswith("Admitted")]
    assert [e.actor for e in admitted_by][-2:] == ["system", "system"]


def test_more_capacity_admits_from_the_waiting_list(app: PeerLearningApp) -> None:
    series_id = announce(app, capacity=1)
    enrol(app, series_id, "Stadt Arnsberg")
    waiting, _ = enrol(app, series_id, "Stadt Olpe")
    app.revise_details(series_id, {"capacity": 2}, actor="anna")
    assert app.enrollment(waiting).status == EnrollmentStatus.ADMITTED


def test_a_municipality_enrols_once(app: PeerLearningApp) -> None:
    series_id = announce(app)
    enrol(app, series_id, "Stadt Arnsberg")
    with pytest.raises(AlreadyEnrolled, match="stadt  ARNSBERG is already enrolled"):
        enrol(app, series_id, "stadt  ARNSBERG")
    assert len(app.series(series_id).admitted) == 1


def test_funded_model_projects_are_kept_and_refused(app: PeerLearningApp) -> None:
    series_id = announce(app)
    wuppertal = app.add_model_project("Stadt Wuppertal", actor="anna", key="05124000")
    with pytest.raises(NotEligible, match="Wuppertal is funded as a model project"):
        app.enrol(series_id, municipality("Wuppertal", key="05124000"), "Ute", "u@w.de", "ben")
    app.remove_model_project(wuppertal, actor="anna")
    registry = app.funded_model_projects()
    assert registry is not None and registry.projects == {}
    assert enrol(app, series_id, "Stadt Wuppertal")[1] == EnrollmentStatus.ADMITTED


def test_a_stale_expected_version_is_a_conflict(app: PeerLearningApp) -> None:
    series_id = announce(app)
    version = app.series(series_id).version
    app.set_joining(series_id, open=False, actor="anna", expected_version=version)
    with pytest.raises(StaleVersion, match=f"Expected version {version}, but the current") as e:
        app.set_joining(series_id, open=True, actor="anna", expected_version=version)
    assert (e.value.expected, e.value.actual) == (version, version + 1)
    assert not app.series(series_id).joining_open


def test_every_recorded_event_says_who_and_when(app: PeerLearningApp, clock: FakeClock) -> None:
    series_id = announce(app, capacity=1)
    first, _ = enrol(app, series_id, "Stadt Arnsberg")
    enrol(app, series_id, "Stadt Olpe")
    meeting_id = schedule(app, series_id, "exchange", date(2024, 11, 5))
    app.cancel_meeting(series_id, meeting_id, actor="anna", reason="Krankheit")
    app.withdraw_enrollment(first, actor="ben")
    app.add_model_project("Stadt Wuppertal", actor="anna", key="05124000")
    before = datetime.now(UTC) - timedelta(minutes=5)
    events = recorded_events(app)
    assert len(events) == 15
    for event in events:
        assert isinstance(event.actor, str) and event.actor, type(event).__name__
        assert event.timestamp.tzinfo is not None and event.timestamp > before


def test_umlauts_and_sharp_s_survive_the_store(app: PeerLearningApp) -> None:
    title = unicodedata.normalize("NFD", "Straßenbäume für Südwestfalen – Ölpe")
    series_id = announce(app, title=title, host="Stadt Groß-Gerau")
    details = app.series(series_id).details
    assert details.title == "Straßenbäume für Südwestfalen – Ölpe"
    assert details.host == "Stadt Groß-Gerau"


def test_an_unknown_series_is_named(app: PeerLearningApp) -> None:
    missing = UUID(int=7)
    with pytest.raises(PeerLearningNotFound, match=f"No Peer-Learning with id {missing}"):
        app.set_joining(missing, open=False, actor="anna")


def test_a_meeting_moved_in_the_store_keeps_its_schedule_version(app: PeerLearningApp) -> None:
    series_id = announce(app)
    meeting_id = schedule(app, series_id, "exchange", date(2024, 11, 5))
    day = date(2024, 11, 6)
    app.reschedule_meeting(series_id, meeting_id, at(day, 10), at(day, 12), actor="anna")
    moved = app.series(series_id).meeting(meeting_id)
    assert (moved.state, moved.schedule_version, moved.starts_at) == (
        MeetingState.RESCHEDULED,
        2,
        at(day, 10),
    )
