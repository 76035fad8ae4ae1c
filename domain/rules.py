"""Checks the PeerLearning aggregate makes before it records anything."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Protocol
from uuid import UUID

from domain.errors import (
    InvalidValue,
    MeetingNotChangeable,
    NotYetPossible,
    SeriesClosed,
)
from domain.values import Format, Meeting, MeetingState, SeriesDetails, require_enum


class SeriesFacts(Protocol):
    """What the rules read of a series; the PeerLearning aggregate provides it."""

    @property
    def details(self) -> SeriesDetails: ...

    @property
    def meetings(self) -> Mapping[str, Meeting]: ...

    @property
    def closed_on(self) -> date | None: ...

    @property
    def withdrawn_on(self) -> date | None: ...

    @property
    def reflection_held_on(self) -> date | None: ...

    @property
    def kickoff_held_on(self) -> date | None: ...


def require_not_finished(series: SeriesFacts) -> None:
    if series.closed_on is not None:
        raise SeriesClosed(f"The series was closed on {series.closed_on} and refuses every change.")
    if series.withdrawn_on is not None:
        raise SeriesClosed(
            f"The series was withdrawn on {series.withdrawn_on} and refuses every change."
        )


def require_mode(mode: str) -> None:
    require_enum(Format, mode, "Meeting mode")


CORRECTABLE = ("mode", "title", "location", "video_url")


def corrected_meeting(meeting: Meeting, changes: Mapping[str, Any]) -> Meeting:
    """The meeting with its format, title, location or video link replaced; an empty value
    takes a text away."""
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise InvalidValue(
            f"A correction may change only {', '.join(CORRECTABLE)}, not {', '.join(unknown)}; "
            "to move a meeting, give it new times."
        )
    require_mode(changes.get("mode", meeting.mode))
    return replace(meeting, **changes).checked_facts()


def require_changeable(meeting: Meeting, now: datetime) -> None:
    if meeting.state == MeetingState.HELD:
        raise MeetingNotChangeable("The meeting was already held.")
    if meeting.state == MeetingState.CANCELLED:
        raise MeetingNotChangeable("The meeting was cancelled.")
    if meeting.starts_at <= now:
        raise MeetingNotChangeable(
            "The meeting has already started; only future meetings can change."
        )


def require_holdable(meeting: Meeting, now: datetime) -> None:
    if meeting.state == MeetingState.HELD:
        raise MeetingNotChangeable("The meeting is already marked as held.")
    if meeting.state == MeetingState.CANCELLED:
        raise MeetingNotChangeable("A cancelled meeting cannot be held.")
    if meeting.starts_at > now:
        raise NotYetPossible(
            f"The meeting starts at {meeting.starts_at.isoformat()}; "
            "it can be marked held once it has started."
        )


def require_attendance(attendance: int | None) -> None:
    if attendance is not None and not 0 <= attendance <= 100000:
        raise InvalidValue("Attendance must be a number between 0 and 100000.")


MAX_PRESENT = 1000


def require_held(meeting: Meeting) -> None:
    if meeting.state != MeetingState.HELD:
        raise NotYetPossible("Attendance is recorded for a meeting once it is marked as held.")


def checked_participants(participants: list[UUID]) -> list[UUID]:
    """The present participants, each once, in the order given."""
    if len(participants) > MAX_PRESENT:
        raise InvalidValue(f"At most {MAX_PRESENT} participants can be present at a meeting.")
    return list(dict.fromkeys(participants))


def require_not_future(day: date, today: date, what: str) -> None:
    if day > today:
        raise InvalidValue(f"{what} {day} lies in the future; it can be at most {today}.")


def require_reflection_possible(series: SeriesFacts, held_on: date, today: date) -> None:
    require_not_future(held_on, today, "The reflection date")
    if series.reflection_held_on is not None:
        raise NotYetPossible(f"The reflection was already held on {series.reflection_held_on}.")
    require_kickoff_held(series, "A reflection")
    require_reflection_date(series, held_on)


def require_kickoff_held(series: SeriesFacts, what: str) -> None:
    if series.kickoff_held_on is None:
        raise NotYetPossible(f"{what} needs the kick-off held first; mark it held.")


def reflection_date_problem(series: SeriesFacts, held_on: date) -> str | None:
    """Why a reflection cannot be dated `held_on`, or None if it can."""
    if held_on < series.details.starts_on:
        return (
            f"The reflection date {held_on} lies before the series started "
            f"on {series.details.starts_on}."
        )
    kickoff = series.kickoff_held_on
    if kickoff is not None and held_on < kickoff:
        return f"The reflection date {held_on} lies before the kick-off, held on {kickoff}."
    return None


def require_reflection_date(series: SeriesFacts, held_on: date) -> None:
    problem = reflection_date_problem(series, held_on)
    if problem is not None:
        raise InvalidValue(problem)


def require_closable(series: SeriesFacts, effective_on: date, today: date) -> None:
    require_not_future(effective_on, today, "The closing date")
    require_kickoff_held(series, "Closing the series")
    if series.reflection_held_on is None:
        raise NotYetPossible("Hold the reflection before closing the series.")
    if effective_on < series.reflection_held_on:
        raise InvalidValue(
            f"The series cannot close on {effective_on}, before its reflection "
            f"on {series.reflection_held_on}."
        )


def require_withdrawable(series: SeriesFacts, effective_on: date, today: date) -> None:
    require_not_future(effective_on, today, "The withdrawal date")
    if any(m.state == MeetingState.HELD for m in series.meetings.values()):
        raise NotYetPossible(
            "A meeting was already held; close the series instead of withdrawing it."
        )


def require_start_unchanged_once_running(series: SeriesFacts, revised: SeriesDetails) -> None:
    if revised.starts_on != series.details.starts_on and series.kickoff_held_on:
        raise InvalidValue("The start date cannot change after the kick-off was held.")
