"""When each reminder of a meeting is due, and the job that sends it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from domain.errors import InvalidValue
from domain.reminder_rules import reminder_due_at
from scheduler.facts import MeetingFacts

JOB_PREFIX = "reminder:"


@dataclass(frozen=True)
class Occurrence:
    """One reminder of one meeting version at one offset, for all its recipients."""

    peer_learning_id: UUID
    meeting_id: UUID
    schedule_version: int
    offset: str
    due_at: datetime
    starts_at: datetime

    @property
    def job_id(self) -> str:
        return job_id_for(self.meeting_id, self.offset)

    def job_args(self) -> list[str | int]:
        meeting = [str(self.peer_learning_id), str(self.meeting_id)]
        return [*meeting, self.schedule_version, self.offset]

    def is_late(self, now: datetime, late_after: timedelta) -> bool:
        return now - self.due_at > late_after


def job_id_for(meeting_id: UUID | str, offset: str) -> str:
    """Deterministic, so re-planning replaces the job instead of adding a second one."""
    return f"{JOB_PREFIX}{meeting_id}:{offset}"


def offsets_of(meeting: MeetingFacts, default: tuple[str, ...]) -> tuple[str, ...]:
    return meeting.reminder_offsets or default


@dataclass(frozen=True)
class Plan:
    """The reminders of one meeting: those with a due time, and offsets that have none."""

    occurrences: list[Occurrence]
    unplannable: dict[str, str]  # offset -> why it has no due time


def plan(meeting: MeetingFacts, default: tuple[str, ...]) -> Plan:
    if not meeting.wants_reminders or meeting.is_cancelled:
        return Plan([], {})
    found: list[Occurrence] = []
    unplannable: dict[str, str] = {}
    for offset in offsets_of(meeting, default):
        try:
            found.append(occurrence_of(meeting, offset))
        except InvalidValue as error:  # e.g. an offset reaching back before the calendar
            unplannable[offset] = str(error)[:200]
    return Plan(sorted(found, key=lambda o: o.due_at), unplannable)


def occurrences(meeting: MeetingFacts, default: tuple[str, ...]) -> list[Occurrence]:
    """The reminders of the meeting that have a due time, earliest first."""
    return plan(meeting, default).occurrences


def occurrence_of(meeting: MeetingFacts, offset: str) -> Occurrence:
    """Raises InvalidValue (OutsideCalendar) if the offset gives no due time."""
    return Occurrence(
        peer_learning_id=meeting.peer_learning_id,
        meeting_id=meeting.meeting_id,
        schedule_version=meeting.schedule_version,
        offset=offset,
        due_at=reminder_due_at(meeting.starts_at, offset, meeting.timezone),
        starts_at=meeting.starts_at,
    )


def superseded_by(
    occurrence: Occurrence, meeting: MeetingFacts, default: tuple[str, ...], now: datetime
) -> Occurrence | None:
    """A later reminder of the same meeting that is also due makes this one redundant."""
    later = [
        other for other in occurrences(meeting, default) if occurrence.due_at < other.due_at <= now
    ]
    return later[-1] if later else None


def due(meeting: MeetingFacts, default: tuple[str, ...], now: datetime) -> list[Occurrence]:
    return [o for o in occurrences(meeting, default) if o.due_at <= now]
