"""When reminders fall due, and the ids and states of the mails they become."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5
from zoneinfo import ZoneInfo

from domain.durations import parse_duration
from domain.errors import InvalidValue

DISPATCH_NAMESPACE = uuid5(NAMESPACE_URL, "peer-learning/reminder-dispatch")


class Purpose(StrEnum):
    REMINDER = "reminder"
    CHANGE = "change"  # the meeting moved
    UPDATE = "update"  # its format, title, place or link were corrected; its times stayed
    CANCELLATION = "cancellation"


class DispatchStatus(StrEnum):
    DUE = "due"
    SENT = "sent"
    FAILED = "failed"
    MISSED = "missed"


def dispatch_id_for(
    purpose: str,
    meeting_id: UUID,
    schedule_version: int,
    offset: str | None,
    participant_id: UUID,
) -> UUID:
    """One id per mail that may ever be sent, so the store refuses a second claim."""
    key = f"{purpose}/{meeting_id}/{schedule_version}/{offset or '-'}/{participant_id}"
    return uuid5(DISPATCH_NAMESPACE, key)


class OutsideCalendar(InvalidValue):
    """A reminder offset that puts its due time where the calendar does not reach."""

    def __init__(self, offset: str) -> None:
        super().__init__(f"The reminder offset {offset} puts its due time outside the calendar.")
        self.offset = offset


def reminder_due_at(starts_at: datetime, offset: str, timezone: str) -> datetime:
    """Weeks and days count in the series' calendar (same local time across DST), hours exactly.

    Raises OutsideCalendar for an offset too large to count back from the meeting.
    """
    try:
        return _count_back(starts_at, offset, timezone)
    except (OverflowError, ValueError) as error:  # a date before year 1, or digits beyond int
        raise OutsideCalendar(offset[:40]) from error


def _count_back(starts_at: datetime, offset: str, timezone: str) -> datetime:
    parse_duration(offset, "Reminder offset")
    date_part, _, time_part = offset.strip().upper().partition("T")
    days = sum(
        int(n) * (7 if unit == "W" else 1) for n, unit in re.findall(r"(\d+)([WD])", date_part)
    )
    local = starts_at.astimezone(ZoneInfo(timezone)).replace(tzinfo=None) - timedelta(days=days)
    moved = local.replace(tzinfo=ZoneInfo(timezone))
    exact = parse_duration(f"PT{time_part}") if time_part else timedelta(0)
    return moved.astimezone(starts_at.tzinfo) - exact
