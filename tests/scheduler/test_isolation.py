"""One bad series, person or mail fails alone: everyone else is reminded and told."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import Message
from uuid import uuid4

import pytest

from domain.reminders import ReminderDispatch
from peerlearning.bootstrap import Services
from scheduler.dispatch_queries import DispatchQueries
from scheduler.process import ReminderScheduler
from scheduler.service import ReminderService
from scheduler.settings import reminder_settings
from scheduler.smtp import PermanentFailure, SmtpOutbox
from tests.scheduler.legacy import join_as, set_offsets
from tests.scheduler.scenario import P1D_DUE, P7D_DUE, Scenario, email_of, series_with
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.samples import at, schedule

HUGE = "P3000000D"  # about 8,200 years: before the calendar's first day
BEYOND = "P9999999999D"  # more days than a duration holds
TOM = "Tom\nBcc: victim@example.org"
TOM_EMAIL = "tom@example.org"


@pytest.fixture
def paused(services: Services, sink: SmtpSink) -> Iterator[ReminderScheduler]:
    scheduler = ReminderScheduler(services, reminder_settings(sink.env))
    scheduler.scheduler.start(paused=True)
    yield scheduler
    scheduler.shutdown(wait=False)


def outcomes(dispatches: DispatchQueries) -> dict[tuple[str, str | None], set[str]]:
    """(participant, offset) -> statuses, with the participant by name."""
    found: dict[tuple[str, str | None], set[str]] = {}
    for item in dispatches.listing():
        found.setdefault((str(item["participant_id"]), item["offset"]), set()).add(item["status"])
    return found


def test_a_series_with_an_offset_beyond_the_calendar_stops_no_other_reminders(
    services: Services,
    scenario: Scenario,
    reminders: ReminderService,
    paused: ReminderScheduler,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    healthy_meeting = scenario.schedule_kickoff()
    poisoned = series_with(services.app, title="Reihe mit kaputtem Versatz")
    max_id = poisoned.join("Max")
    set_offsets(services.app, poisoned.series_id, HUGE, BEYOND, "P1D")
    poisoned_meeting = poisoned.schedule_kickoff()

    clock.set(P7D_DUE)
    paused.reconcile()
    first = reminders.sweep()

    assert (first.sent, first.failed) == (1, 2)
    [eva_mail] = sink.to(email_of("Eva"))
    assert eva_mail["Subject"].startswith("Erinnerung: ")
    failed = dispatches.listing(status="failed")
    assert {(d["participant_id"], d["offset"]) for d in failed} == {
        (max_id, HUGE),
        (max_id, BEYOND),
    }
    assert all("outside the calendar" in d["reason"] or "duration" in d["reason"] for d in failed)
    planned = {job.id for job in paused.pending_jobs()}
    assert f"reminder:{healthy_meeting}:P1D" in planned
    assert f"reminder:{poisoned_meeting}:P1D" in planned, "the series' other offset is planned"
    assert not any(HUGE in job or BEYOND in job for job in planned)

    clock.set(P1D_DUE)
    paused.reconcile()
    second = reminders.sweep()
    assert (second.sent, second.failed) == (2, 0), "each poisoned mail failed once, not again"
    assert len(sink.to(email_of("Max"))) == 1
    assert len(sink.to(email_of("Eva"))) == 2
    assert reminders.remind(poisoned.series_id, poisoned_meeting, 1, HUGE).failed == 0


def test_a_participant_whose_name_breaks_the_header_fails_alone_and_notices_still_go_out(
    services: Services,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario = series_with(services.app, reminder_offsets=["P2D"])
    app, series_id = scenario.app, scenario.series_id
    scenario.join("Eva")
    scenario.join("Max")
    tom = join_as(app, scenario.enrollment_id, TOM, TOM_EMAIL)
    day = date(2024, 10, 2)
    kickoff = schedule(app, series_id, "kickoff", day, start=10, end=12)
    exchange = schedule(app, series_id, "exchange", day, start=14, end=16)
    schedule(app, series_id, "exchange", date(2024, 10, 3), start=10, end=12)

    for hour in (8, 12):  # the P2D reminders of both meetings of 2 October
        clock.set(datetime(2024, 9, 30, hour, 0, tzinfo=UTC))
        tally = reminders.sweep()
        assert (tally.sent, tally.failed) == (2, 1)

    moved = date(2024, 10, 6)
    app.reschedule_meeting(series_id, exchange, at(moved, 14), at(moved, 16), actor="anna")
    app.cancel_meeting(series_id, kickoff, actor="anna")
    clock.set(datetime(2024, 10, 1, 8, 0, tzinfo=UTC))  # the meeting of 3 October is due
    second = reminders.sweep()

    assert (second.sent, second.failed) == (6, 1), "2 reminders, 2 changes, 2 cancellations"
    for name in ("Eva", "Max"):
        subjects = [str(mail["Subject"]).split(":")[0] for mail in sink.to(email_of(name))]
        assert sorted(subjects) == [
            "Abgesagt",
            "Erinnerung",
            "Erinnerung",
            "Erinnerung",
            "Verschoben",
        ]
    assert sink.to(TOM_EMAIL) == [] and sink.to("victim@example.org") == []
    toms = [d for d in dispatches.listing() if d["participant_id"] == tom]
    assert [d["status"] for d in toms] == ["failed"] * 3
    for dispatch in toms:
        assert dispatch["reason"].startswith("The mail could not be built")
        assert "Tom" not in dispatch["reason"] and "@" not in dispatch["reason"]


def test_a_refusal_keeps_the_code_and_the_servers_text_but_not_the_address(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.join("Gone")
    scenario.join("Grey")
    sink.handler.refused[email_of("Gone")] = (
        "550 5.1.1 <gone@example.org>: Recipient address rejected: User Gone unknown "
        "(also GONE@Example.org)"
    )
    sink.handler.refused[email_of("Grey")] = (
        "450 4.2.0 <grey@example.org>: Greylisted, ask postmaster@mx.example"
    )
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    tally = reminders.sweep()
    assert (tally.sent, tally.failed, tally.deferred) == (1, 1, 1)
    [failed] = dispatches.listing(status="failed")
    assert failed["reason"] == (
        "550 5.1.1 <[recipient]>: Recipient address rejected: "
        "User [recipient] unknown (also [recipient])"
    )
    [deferred] = dispatches.listing(status="due")
    assert deferred["reason"] == "450 4.2.0 <[recipient]>: Greylisted, ask [address]"


def unsendable() -> Message:
    message = Message()
    message["From"] = "reminders@example.org"
    message["To"] = "Tom\nBcc: victim@example.org <tom@example.org>"
    message["Subject"] = "Erinnerung"
    message.set_payload("Hallo")
    return message


def test_a_mail_smtplib_cannot_write_out_fails_for_good_and_the_session_goes_on(
    sink: SmtpSink,
) -> None:
    healthy = unsendable()
    healthy.replace_header("To", "Eva <eva@example.org>")
    with SmtpOutbox(reminder_settings(sink.env).smtp).session() as mailbox:
        with pytest.raises(PermanentFailure) as refused:
            mailbox.send(unsendable())
        mailbox.send(healthy)
    assert str(refused.value) == "The mail could not be written out (HeaderParseError)."
    assert [str(mail["To"]) for mail in sink.messages] == ["Eva <eva@example.org>"]


def test_reasons_recorded_before_redaction_are_shown_without_the_address(
    services: Services, dispatches: DispatchQueries, clock: FakeClock
) -> None:
    old = ReminderDispatch(
        purpose="reminder",
        peer_learning_id=uuid4(),
        meeting_id=uuid4(),
        schedule_version=1,
        offset="P1D",
        participant_id=uuid4(),
        due_at=P1D_DUE,
        meeting_starts_at=P1D_DUE + timedelta(days=1),
        owner="an older release",
        lease_until=P1D_DUE + timedelta(minutes=5),
        actor="scheduler",
    )
    old.record_failed("550 5.1.1 <Old.Person@example.org>: unknown user", actor="scheduler")
    services.app.record(old)
    [shown] = dispatches.listing(status="failed")
    assert shown["reason"] == "550 5.1.1 <[address]>: unknown user"
