"""The right people get the right reminders at the right offsets, exactly once."""

from __future__ import annotations

from datetime import timedelta

from audit.erasure import erase_person
from peerlearning.bootstrap import Services
from scheduler.dispatch_queries import DispatchQueries
from scheduler.service import ReminderService
from tests.scheduler.scenario import (
    KICKOFF_START,
    P1D_DUE,
    P7D_DUE,
    PT1H_DUE,
    Scenario,
    email_of,
)
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.keys import key_for

SECOND = timedelta(seconds=1)


def test_each_offset_reaches_every_participant_once(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    scenario.join("John", locale="en", timezone="Europe/London")
    scenario.schedule_kickoff()
    for due, offset in ((P7D_DUE, "P7D"), (P1D_DUE, "P1D"), (PT1H_DUE, "PT1H")):
        clock.set(due - SECOND)
        assert reminders.sweep().sent == 0, f"{offset} must not go out early"
        clock.set(due)
        assert reminders.sweep().sent == 2
        assert reminders.sweep().sent == 0, "a second sweep sends nothing"
    assert len(sink.to(email_of("Eva"))) == 3
    assert len(sink.to(email_of("John"))) == 3
    assert len({m["Message-ID"] for m in sink.messages}) == 6


def test_only_admitted_enrolments_are_reminded(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    other, _ = scenario.app.enrol(
        scenario.series_id,
        {
            "name": "Gemeinde Beispiel",
            "key": key_for("Gemeinde Beispiel"),
            "state": "NRW",
            "region": "Münsterland",
        },
        "Otto Kontakt",
        "otto@example.org",
        actor="anna",
    )
    scenario.app.join(other, "Olga", "olga@example.org", actor="anna")
    scenario.app.withdraw_enrollment(other, actor="anna")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    assert [m["To"] for m in sink.messages] == ["Eva <eva@example.org>"]


def test_the_dispatches_are_listed_with_their_state(
    scenario: Scenario,
    reminders: ReminderService,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    eva = scenario.join("Eva")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE + timedelta(minutes=1))
    reminders.sweep()
    [item] = dispatches.listing(peer_learning_id=scenario.series_id)
    assert item["participant_id"] == eva
    assert (item["status"], item["offset"], item["purpose"]) == ("sent", "P7D", "reminder")
    assert item["due_at"] == P7D_DUE and item["late"] is False
    assert dispatches.listing(status="failed") == []


def test_after_downtime_the_latest_due_reminder_goes_out_late(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.schedule_kickoff()
    clock.set(P1D_DUE + timedelta(hours=3))
    assert reminders.sweep().sent == 1
    [mail] = sink.messages
    assert mail["Subject"].startswith("Erinnerung (verspätet): ")
    assert "später als vorgesehen" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    by_offset = {d["offset"]: d for d in dispatches.listing()}
    assert by_offset["P1D"]["status"] == "sent" and by_offset["P1D"]["late"] is True
    assert by_offset["P7D"]["status"] == "missed"


def test_reminders_of_a_meeting_that_started_are_missed_not_sent(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.schedule_kickoff()
    clock.set(P1D_DUE)
    reminders.sweep()
    clock.set(KICKOFF_START + timedelta(minutes=5))
    reminders.sweep()
    assert len(sink.messages) == 1
    missed = dispatches.listing(status="missed")
    assert {d["offset"] for d in missed} == {"P7D", "PT1H"}
    assert "started" in next(d for d in missed if d["offset"] == "PT1H")["reason"]


def test_a_late_joiner_gets_only_the_reminders_due_after_joining(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    clock.set(P7D_DUE + timedelta(days=2))
    scenario.join("Max")
    reminders.sweep()
    assert sink.to(email_of("Max")) == []
    for due in (P1D_DUE, PT1H_DUE):
        clock.set(due)
        reminders.sweep()
    assert len(sink.to(email_of("Max"))) == 2
    assert len(sink.to(email_of("Eva"))) == 3


def test_a_participant_who_left_gets_nothing_more(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    scenario.join("Paul")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    scenario.leave("Paul")
    for due in (P1D_DUE, PT1H_DUE):
        clock.set(due)
        reminders.sweep()
    assert len(sink.to(email_of("Paul"))) == 1
    assert len(sink.to(email_of("Eva"))) == 3


def test_a_person_whose_data_was_erased_is_not_written_to(
    services: Services,
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.join("Paul")
    scenario.schedule_kickoff()
    erase_person(services.app, services.audit.keys, scenario.people["Paul"], actor="anna")
    clock.set(P7D_DUE)
    reminders.sweep()
    assert [str(m["To"]) for m in sink.messages] == ["Eva <eva@example.org>"]
