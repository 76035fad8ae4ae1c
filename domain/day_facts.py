"""A series' facts with the programme day each became true, taken from its events.

The state of a series on a day (`domain.day_state`) is computed from these facts alone, so
each fact carries the one day from which it holds:
- a meeting's plan (scheduled) holds on every day: it is shown from the start, in its state;
- a meeting held: the day it was held (its start, in the series' time zone);
- the reflection: its `held_on`; a closing or withdrawal: its `effective_on`;
- a participant joined or left: the day of `joined_at` / `left_at` (Europe/Berlin);
- everything without a programme day of its own (a meeting moved or cancelled, an enrolment
  admitted, waitlisted or released, joining closed or reopened, and the end of joining that
  a closing or withdrawal brings): the day it was recorded, in Europe/Berlin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from domain.clock import PROGRAMME_TIMEZONE
from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.schedule import local_date

P = PeerLearning
ALWAYS = date.min  # the day of a fact that holds on every day of the calendar


class FactKind(StrEnum):
    SCHEDULED = "scheduled"
    MOVED = "moved"
    CORRECTED = "corrected"
    CANCELLED = "cancelled"
    HELD = "held"
    REFLECTION = "reflection"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    JOINING_CLOSED = "joining_closed"
    JOINING_REOPENED = "joining_reopened"
    ADMITTED = "admitted"
    WAITLISTED = "waitlisted"
    RELEASED = "released"
    JOINED = "joined"
    LEFT = "left"


@dataclass(frozen=True)
class Fact:
    """One fact: `subject` is the meeting or enrolment it is about; a scheduled or moved
    meeting has its times, a scheduled one its kind (`detail`) and every one its
    schedule version (`number`)."""

    day: date
    kind: FactKind
    subject: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    detail: str | None = None
    number: int | None = None


def recorded_day(event: Any) -> date:
    """The programme day on which an event was recorded."""
    return _programme_day(event.timestamp)


def facts_of(event: Any, recorded_on: date, held_on: date | None = None) -> list[Fact]:
    """The facts an event of a series or enrolment brings; `held_on` is, for a meeting
    held, the day it was held (the caller knows the meeting's start)."""
    make = _FACTS.get(type(event))
    return [] if make is None else make(event, recorded_on, held_on)


class StreamFacts:
    """Reads the facts of one series' events in order, knowing where each meeting starts
    (for the day a meeting was held) and the series' time zone."""

    def __init__(self) -> None:
        self.timezone = "Europe/Berlin"
        self.starts: dict[str, datetime] = {}

    def read(self, event: Any, recorded_on: date | None = None) -> list[Fact]:
        held_on = None
        if isinstance(event, P.MeetingHeld):
            held_on = local_date(self.starts[str(event.meeting_id)], self.timezone)
        facts = facts_of(event, recorded_on or recorded_day(event), held_on)
        self._follow(event)
        return facts

    def _follow(self, event: Any) -> None:
        if isinstance(event, (P.Announced, P.DetailsRevised)):
            self.timezone = event.details.timezone
        elif isinstance(event, P.MeetingScheduled):
            self.starts[str(event.meeting.meeting_id)] = event.meeting.starts_at
        elif isinstance(event, P.MeetingRescheduled):
            self.starts[str(event.meeting_id)] = event.starts_at


def _programme_day(moment: datetime) -> date:
    return moment.astimezone(PROGRAMME_TIMEZONE).date()


def _scheduled(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
    m = e.meeting
    return [
        Fact(
            ALWAYS,
            FactKind.SCHEDULED,
            str(m.meeting_id),
            m.starts_at,
            m.ends_at,
            m.kind,
            m.schedule_version,
        )
    ]


def _moved(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
    return [
        Fact(
            recorded_on,
            FactKind.MOVED,
            str(e.meeting_id),
            e.starts_at,
            e.ends_at,
            number=e.schedule_version,
        )
    ]


def _corrected(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
    return [Fact(recorded_on, FactKind.CORRECTED, str(e.meeting_id), number=e.schedule_version)]


def _held(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
    return [Fact(held_on or recorded_on, FactKind.HELD, str(e.meeting_id))]


def _ended(kind: FactKind) -> Any:
    def make(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
        return [Fact(e.effective_on, kind), Fact(recorded_on, FactKind.JOINING_CLOSED)]

    return make


def _on_record(kind: FactKind, subject: str | None) -> Any:
    def make(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
        return [Fact(recorded_on, kind, str(getattr(e, subject)) if subject else "")]

    return make


def _joined(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
    moment = e.participant.joined_at
    day = recorded_on if moment is None else _programme_day(moment)
    return [Fact(day, FactKind.JOINED, str(e.originator_id))]


def _left(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
    return [Fact(_programme_day(e.left_at), FactKind.LEFT, str(e.originator_id))]


def _reflection(e: Any, recorded_on: date, held_on: date | None) -> list[Fact]:
    return [Fact(e.held_on, FactKind.REFLECTION)]


_FACTS: dict[type, Any] = {
    P.MeetingScheduled: _scheduled,
    P.MeetingRescheduled: _moved,
    P.MeetingCorrected: _corrected,
    P.MeetingCancelled: _on_record(FactKind.CANCELLED, "meeting_id"),
    P.MeetingHeld: _held,
    P.ReflectionHeld: _reflection,
    P.Closed: _ended(FactKind.CLOSED),
    P.Withdrawn: _ended(FactKind.WITHDRAWN),
    P.JoiningClosed: _on_record(FactKind.JOINING_CLOSED, None),
    P.JoiningReopened: _on_record(FactKind.JOINING_REOPENED, None),
    P.EnrollmentAdmitted: _on_record(FactKind.ADMITTED, "enrollment_id"),
    P.EnrollmentWaitlisted: _on_record(FactKind.WAITLISTED, "enrollment_id"),
    P.EnrollmentReleased: _on_record(FactKind.RELEASED, "enrollment_id"),
    Enrollment.ParticipantJoined: _joined,
    Enrollment.ParticipantLeft: _left,
}
