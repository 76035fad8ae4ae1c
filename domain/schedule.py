"""Rules for the meetings of one series, kept apart from the aggregate."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.errors import InvalidValue, ScheduleConflict
from domain.values import Meeting, MeetingKind, SeriesDetails, require_aware

# A workshop or a study visit of several days; a meeting of weeks is a typing error.
LONGEST_MEETING = timedelta(days=3)


def local_date(moment: datetime, timezone: str) -> date:
    return moment.astimezone(ZoneInfo(timezone)).date()


def check_meeting_shape(meeting: Meeting) -> None:
    require_aware(meeting.starts_at, "Meeting start")
    require_aware(meeting.ends_at, "Meeting end")
    if meeting.ends_at <= meeting.starts_at:
        raise InvalidValue("A meeting must end after it starts.")
    if meeting.mode in ("on_site", "hybrid") and not meeting.location:
        raise InvalidValue(f"A meeting held {meeting.mode} needs a location.")


def check_length(meeting: Meeting) -> None:
    """New times must not last longer than a meeting can; held meetings keep theirs. Called
    after `check_fits`, which checks the times' shape."""
    length = meeting.ends_at - meeting.starts_at
    if length > LONGEST_MEETING:
        raise InvalidValue(
            f"A meeting may last at most {LONGEST_MEETING.days} days; this one would last "
            f"{length / timedelta(hours=1):g} hours. Schedule each day as a meeting of its own."
        )


def check_fits(meeting: Meeting, others: Iterable[Meeting], details: SeriesDetails) -> None:
    active = [m for m in others if m.is_active and m.meeting_id != meeting.meeting_id]
    check_meeting_shape(meeting)
    _check_period(meeting, details)
    _check_no_overlap(meeting, active)
    _check_order(meeting, active)


def _check_period(meeting: Meeting, details: SeriesDetails) -> None:
    if details.ends_on is None:
        return
    first = local_date(meeting.starts_at, details.timezone)
    last = local_date(meeting.ends_at, details.timezone)
    if first < details.starts_on or last > details.ends_on:
        raise ScheduleConflict(
            f"The meeting on {first} lies outside the series' period "
            f"{details.starts_on} to {details.ends_on}."
        )


def _check_no_overlap(meeting: Meeting, active: list[Meeting]) -> None:
    for other in active:
        if meeting.overlaps(other):
            raise ScheduleConflict(
                f"The meeting overlaps the {other.kind} meeting from "
                f"{other.starts_at.isoformat()} to {other.ends_at.isoformat()}."
            )


def _check_order(meeting: Meeting, active: list[Meeting]) -> None:
    kickoffs = [m for m in active if m.kind == MeetingKind.KICKOFF]
    reflections = [m for m in active if m.kind == MeetingKind.REFLECTION]
    exchanges = [m for m in active if m.kind == MeetingKind.EXCHANGE]
    if meeting.kind == MeetingKind.KICKOFF:
        _check_kickoff(meeting, kickoffs, active)
        return
    if any(k.starts_at >= meeting.starts_at for k in kickoffs):
        article = "An" if meeting.kind[0] in "aeiou" else "A"
        raise ScheduleConflict(f"{article} {meeting.kind} meeting must come after the kick-off.")
    if meeting.kind == MeetingKind.REFLECTION:
        _check_reflection(meeting, reflections, exchanges)
    else:
        _check_exchange(meeting, reflections)


def _check_kickoff(meeting: Meeting, kickoffs: list[Meeting], active: list[Meeting]) -> None:
    if kickoffs:
        raise ScheduleConflict("The series already has a kick-off meeting.")
    if any(m.starts_at < meeting.starts_at for m in active):
        raise ScheduleConflict("The kick-off must be the earliest meeting of the series.")


def _check_reflection(
    meeting: Meeting, reflections: list[Meeting], exchanges: list[Meeting]
) -> None:
    if reflections:
        raise ScheduleConflict("The series already has a reflection meeting.")
    if any(m.starts_at >= meeting.starts_at for m in exchanges):
        raise ScheduleConflict("The reflection must come after every exchange meeting.")


def _check_exchange(meeting: Meeting, reflections: list[Meeting]) -> None:
    if any(r.starts_at <= meeting.starts_at for r in reflections):
        raise ScheduleConflict("An exchange meeting must come before the reflection.")
