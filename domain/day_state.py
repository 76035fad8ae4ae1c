"""A series as it stood on a day of the programme's calendar, from its dated facts only.

`state_on` is the one computation of a day's state: status, meetings and their states,
counts, whether joining was possible and the next meeting. It uses only the facts whose day
is on or before the day (in the order they were recorded), so nothing it reports became true
later; the status comes from the same facts through `domain.status`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from domain.clock import PROGRAMME_TIMEZONE
from domain.day_facts import Fact, FactKind
from domain.schedule import local_date
from domain.status import SeriesStatus, status_on
from domain.values import MeetingKind, MeetingState

FINISHED = (SeriesStatus.CLOSED, SeriesStatus.WITHDRAWN)


@dataclass(frozen=True)
class MeetingOnDay:
    meeting_id: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    state: str
    schedule_version: int


@dataclass(frozen=True)
class DayState:
    status: SeriesStatus
    kickoff_held_on: date | None
    reflection_held_on: date | None
    closed_on: date | None
    withdrawn_on: date | None
    joining_open: bool
    meetings: dict[str, MeetingOnDay]
    meetings_held: int
    meetings_scheduled: int
    municipalities: int
    waitlisted: int
    participants: int
    next_meeting: datetime | None


class _Fold:
    """The facts of one series up to a day, applied in the order they were recorded."""

    def __init__(self) -> None:
        self.meetings: dict[str, MeetingOnDay] = {}
        self.days: dict[FactKind, date] = {}
        self.joining = True
        self.admitted: list[str] = []
        self.waitlist: list[str] = []
        self.heads: dict[str, int] = {}

    def apply(self, fact: Fact) -> None:
        kind, subject = fact.kind, fact.subject
        if kind == FactKind.SCHEDULED:
            assert fact.starts_at and fact.ends_at and fact.detail
            self.meetings[subject] = MeetingOnDay(
                subject,
                fact.detail,
                fact.starts_at,
                fact.ends_at,
                MeetingState.SCHEDULED,
                fact.number or 1,
            )
        elif kind in _MEETING_CHANGES and subject in self.meetings:
            self.meetings[subject] = _MEETING_CHANGES[kind](self.meetings[subject], fact)
        elif kind in (FactKind.REFLECTION, FactKind.CLOSED, FactKind.WITHDRAWN):
            self.days.setdefault(kind, fact.day)
        elif kind in (FactKind.JOINING_CLOSED, FactKind.JOINING_REOPENED):
            self.joining = kind == FactKind.JOINING_REOPENED
        elif kind in (FactKind.JOINED, FactKind.LEFT):
            self.heads[subject] = self.heads.get(subject, 0) + (
                1 if kind == FactKind.JOINED else -1
            )
        else:
            self._seat(kind, subject)
        if kind == FactKind.HELD and subject in self.meetings:
            if self.meetings[subject].kind == MeetingKind.KICKOFF:
                self.days.setdefault(FactKind.HELD, fact.day)

    def _seat(self, kind: FactKind, subject: str) -> None:
        for places in (self.admitted, self.waitlist):
            if subject in places:
                places.remove(subject)
        if kind == FactKind.ADMITTED:
            self.admitted.append(subject)
        elif kind == FactKind.WAITLISTED:
            self.waitlist.append(subject)


def _moved(m: MeetingOnDay, fact: Fact) -> MeetingOnDay:
    assert fact.starts_at and fact.ends_at
    return replace(
        m,
        starts_at=fact.starts_at,
        ends_at=fact.ends_at,
        state=MeetingState.RESCHEDULED,
        schedule_version=fact.number or m.schedule_version,
    )


_MEETING_CHANGES = {
    FactKind.MOVED: _moved,
    FactKind.CORRECTED: lambda m, fact: replace(m, schedule_version=fact.number or 1),
    FactKind.CANCELLED: lambda m, fact: replace(m, state=MeetingState.CANCELLED),
    FactKind.HELD: lambda m, fact: replace(m, state=MeetingState.HELD),
}


_JOINING = (FactKind.JOINING_CLOSED, FactKind.JOINING_REOPENED)


def replaces(later: Fact, earlier: Fact) -> bool:
    """Whether `later` leaves `earlier` nothing to say on any day: a change of joining
    recorded on the same day as the change before it (the state takes the last of them)."""
    return later.kind in _JOINING and earlier.kind in _JOINING and later.day == earlier.day


def state_on(
    day: date, starts_on: date, facts: Iterable[Fact], timezone: str = "Europe/Berlin"
) -> DayState:
    """The series on `day`, from the facts (in recording order) whose day is `day` or before;
    `timezone` is the series' own (its meetings' days)."""
    fold = _Fold()
    for fact in facts:
        if fact.day <= day:
            fold.apply(fact)
    kickoff = fold.days.get(FactKind.HELD)
    closed_on, withdrawn_on = fold.days.get(FactKind.CLOSED), fold.days.get(FactKind.WITHDRAWN)
    status = status_on(day, starts_on, kickoff, closed_on, withdrawn_on)
    ended_on = closed_on or withdrawn_on
    if ended_on is not None:
        _call_off_after(fold.meetings, ended_on, timezone)
    meetings = fold.meetings.values()
    return DayState(
        status=status,
        kickoff_held_on=kickoff,
        reflection_held_on=fold.days.get(FactKind.REFLECTION),
        closed_on=closed_on,
        withdrawn_on=withdrawn_on,
        joining_open=fold.joining and status not in FINISHED,
        meetings=dict(fold.meetings),
        meetings_held=sum(m.state == MeetingState.HELD for m in meetings),
        meetings_scheduled=sum(m.state != MeetingState.CANCELLED for m in meetings),
        municipalities=len(fold.admitted),
        waitlisted=len(fold.waitlist),
        participants=sum(fold.heads.get(e, 0) for e in fold.admitted),
        next_meeting=next_meeting(meetings, day),
    )


def _call_off_after(meetings: dict[str, MeetingOnDay], ended_on: date, timezone: str) -> None:
    """The end of a series calls off what was planned after its day, from that day on (the
    command that ended it cancelled them when it was recorded, on that day or later)."""
    for key, m in meetings.items():
        planned = m.state in (MeetingState.SCHEDULED, MeetingState.RESCHEDULED)
        if planned and local_date(m.starts_at, timezone) > ended_on:
            meetings[key] = replace(m, state=MeetingState.CANCELLED)


def next_meeting(meetings: Iterable[MeetingOnDay], day: date) -> datetime | None:
    """The first meeting not called off that starts on `day` (Europe/Berlin) or later."""
    start_of_day = datetime.combine(day, time(0), tzinfo=PROGRAMME_TIMEZONE)
    coming = [
        m.starts_at
        for m in meetings
        if m.state != MeetingState.CANCELLED and m.starts_at >= start_of_day
    ]
    return min(coming, default=None)


def recorded_state(
    day: date, starts_on: date, facts: Iterable[Fact], timezone: str = "Europe/Berlin"
) -> DayState:
    """The series as recorded now, every fact counted whatever its day, with the status
    and the next meeting of `day` (what the answers without a day of their own show)."""
    now = state_on(date.max, starts_on, facts, timezone)
    return replace(
        now,
        status=status_on(day, starts_on, now.kickoff_held_on, now.closed_on, now.withdrawn_on),
        next_meeting=next_meeting(now.meetings.values(), day),
    )
