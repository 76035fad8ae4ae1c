"""What a reminder mail's log says: each outcome with its moment or reason and who recorded
it; a lease is held until, not at, its end; a refused claim names the mail and its state;
a due time the calendar cannot reach is named."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import NAMESPACE_URL, uuid5
from zoneinfo import ZoneInfo

import pytest

from domain.reminder_rules import OutsideCalendar, dispatch_id_for, reminder_due_at
from domain.reminders import DispatchTaken, ReminderDispatch
from tests.unit.test_dispatch_rules import MEETING, NOW, PERSON, START, dispatch

LEASE = NOW + timedelta(minutes=5)


def last(mail: ReminderDispatch) -> object:
    return mail.collect_events()[-1]


def test_a_lease_is_held_until_its_end() -> None:
    claimed = dispatch(lease_until=LEASE)

    assert claimed.held_by("a", LEASE - timedelta(microseconds=1))
    assert not claimed.held_by("a", LEASE)
    assert claimed.can_be_reclaimed(LEASE)


def test_a_reclaim_records_the_new_owner_lease_and_who() -> None:
    claimed = dispatch(lease_until=LEASE)
    new_lease = LEASE + timedelta(minutes=5)

    claimed.reclaim("b", LEASE, new_lease, actor="scheduler-2")

    assert (claimed.owner, claimed.lease_until) == ("b", new_lease)
    event = last(claimed)
    assert isinstance(event, ReminderDispatch.Reclaimed)
    assert (event.owner, event.lease_until, event.actor) == ("b", new_lease, "scheduler-2")


def test_a_refused_claim_names_the_mail_and_its_state() -> None:
    claimed = dispatch(lease_until=LEASE)

    with pytest.raises(
        DispatchTaken, match=rf"^Reminder dispatch {claimed.id} is due and cannot be claimed\.$"
    ):
        claimed.reclaim("b", NOW, LEASE, actor="scheduler")
    claimed.record_sent(NOW, late=False, actor="scheduler")
    with pytest.raises(
        DispatchTaken, match=rf"^Reminder dispatch {claimed.id} is sent and cannot be claimed\.$"
    ):
        claimed.record_failed("550", actor="scheduler")


def test_a_sent_mail_records_when_whether_late_and_who() -> None:
    mail = dispatch()

    mail.record_sent(NOW + timedelta(minutes=1), late=True, actor="scheduler-2")

    assert mail.status == "sent"
    event = last(mail)
    assert isinstance(event, ReminderDispatch.ReminderSent)
    assert (event.sent_at, event.late, event.actor) == (
        NOW + timedelta(minutes=1),
        True,
        "scheduler-2",
    )


def test_a_deferred_mail_records_why_when_again_and_who() -> None:
    mail = dispatch()
    retry = NOW + timedelta(seconds=30)

    mail.defer("451 busy", retry_at=retry, actor="scheduler-2")

    assert (mail.status, mail.reason, mail.retry_at) == ("due", "451 busy", retry)
    event = last(mail)
    assert isinstance(event, ReminderDispatch.DeliveryDeferred)
    assert (event.reason, event.retry_at, event.actor) == ("451 busy", retry, "scheduler-2")


@pytest.mark.parametrize(
    ("record", "status", "event_type"),
    [
        ("record_failed", "failed", ReminderDispatch.ReminderFailed),
        ("record_missed", "missed", ReminderDispatch.ReminderMissed),
    ],
)
def test_a_mail_given_up_records_why_and_who(record: str, status: str, event_type: type) -> None:
    mail = dispatch()

    getattr(mail, record)("550 no such user", actor="scheduler-2")

    assert (mail.status, mail.reason) == (status, "550 no such user")
    event = last(mail)
    assert isinstance(event, event_type)
    assert (event.reason, event.actor) == ("550 no such user", "scheduler-2")  # type: ignore[attr-defined]


def test_the_dispatch_id_stays_the_same_across_releases() -> None:
    """Claims are refused by this id: its derivation is part of the data."""
    namespace = uuid5(NAMESPACE_URL, "peer-learning/reminder-dispatch")

    assert dispatch_id_for("change", MEETING, 2, None, PERSON) == uuid5(
        namespace, f"change/{MEETING}/2/-/{PERSON}"
    )
    assert dispatch_id_for("reminder", MEETING, 1, "P7D", PERSON) == uuid5(
        namespace, f"reminder/{MEETING}/1/P7D/{PERSON}"
    )


def test_an_offset_is_read_in_any_case() -> None:
    assert reminder_due_at(START, " p1dt2h ", "Europe/Berlin") == START - timedelta(days=1, hours=2)


def test_the_due_time_is_given_in_the_meetings_own_offset() -> None:
    starts = datetime(2024, 10, 1, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))

    due = reminder_due_at(starts, "P1D", "Europe/Berlin")

    assert due == datetime(2024, 9, 30, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert due.utcoffset() == starts.utcoffset()
    assert due.tzinfo is starts.tzinfo


def test_a_due_time_before_the_calendar_names_its_offset() -> None:
    early = datetime(1, 1, 2, tzinfo=UTC)

    with pytest.raises(
        OutsideCalendar,
        match=r"^The reminder offset P7D puts its due time outside the calendar\.$",
    ) as refused:
        reminder_due_at(early, "P7D", "UTC")
    assert refused.value.offset == "P7D"
