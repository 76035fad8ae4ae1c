"""SMTP failures: permanent ones are recorded once, transient ones retried until delivered."""

from __future__ import annotations

from datetime import timedelta

import pytest

from scheduler.dispatch_queries import DispatchQueries
from scheduler.service import ReminderService
from scheduler.settings import SmtpSettings
from scheduler.smtp import ConnectionLost, SmtpOutbox
from tests.scheduler.scenario import P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink, free_port
from tests.support.clock import FakeClock


def statuses(dispatches: DispatchQueries) -> dict[str, int]:
    found: dict[str, int] = {}
    for item in dispatches.listing():
        found[item["status"]] = found.get(item["status"], 0) + 1
    return found


def test_a_refused_recipient_is_recorded_as_failed_and_not_retried(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.join("Gone")
    sink.handler.refused[email_of("Gone")] = "550 5.1.1 No such mailbox"
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    tally = reminders.sweep()
    assert (tally.sent, tally.failed) == (1, 1)
    [failed] = dispatches.listing(status="failed")
    assert failed["participant_id"] == scenario.people["Gone"]
    assert "550" in failed["reason"]
    clock.advance(timedelta(hours=6))
    assert reminders.sweep().sent == 0
    assert len(sink.messages) == 1


def test_a_busy_server_is_tried_again_with_backoff(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.schedule_kickoff()
    sink.handler.busy_replies = 2
    clock.set(P7D_DUE)
    assert reminders.sweep().deferred == 1
    [due] = dispatches.listing(status="due")
    assert due["free_at"] == P7D_DUE + timedelta(seconds=30) and "451" in due["reason"]
    clock.advance(timedelta(seconds=29))
    assert reminders.sweep().deferred == 0, "not before the retry time"
    clock.advance(timedelta(seconds=1))
    assert reminders.sweep().deferred == 1
    [due] = dispatches.listing(status="due")
    assert due["free_at"] == clock.now() + timedelta(seconds=60), "the wait doubles"
    assert due["attempts"] == 2
    clock.advance(timedelta(seconds=60))
    assert reminders.sweep().sent == 1
    assert len(sink.to(email_of("Eva"))) == 1
    assert statuses(dispatches) == {"sent": 1}


def test_nothing_is_lost_while_the_server_is_down(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    for name in ("Eva", "Max", "Paul"):
        scenario.join(name)
    scenario.schedule_kickoff()
    sink.stop()
    clock.set(P7D_DUE)
    assert reminders.sweep().deferred == 3
    assert statuses(dispatches) == {"due": 3}
    sink.start()
    clock.advance(timedelta(seconds=30))
    assert reminders.sweep().sent == 3
    assert statuses(dispatches) == {"sent": 3}
    assert sorted(str(m["To"]) for m in sink.messages) == [
        "Eva <eva@example.org>",
        "Max <max@example.org>",
        "Paul <paul@example.org>",
    ]


def test_a_closed_port_is_a_lost_connection() -> None:
    outbox = SmtpOutbox(SmtpSettings(host="127.0.0.1", port=free_port(), timeout=2))
    with pytest.raises(ConnectionLost), outbox.session():
        pass
