"""Aggregates built straight from the domain, with a fixed `now` instead of a clock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from domain.peer_learning import PeerLearning
from domain.values import Meeting, SeriesDetails
from tests.support.samples import at, series_fields

NOW = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)
TODAY = date(2024, 9, 20)


def details(**overrides: Any) -> SeriesDetails:
    fields = series_fields(**overrides)
    for name in ("topics", "regions"):
        if isinstance(fields[name], list):
            fields[name] = tuple(fields[name])
    return SeriesDetails(**fields)


def announced(**overrides: Any) -> PeerLearning:
    return PeerLearning.announce(details(**overrides), actor="anna")


def meeting(
    kind: str, day: date, start: int = 10, end: int = 12, mode: str = "virtual", **extra: Any
) -> Meeting:
    return Meeting(uuid4(), kind, at(day, start), at(day, end), mode, **extra)


def schedule(series: PeerLearning, kind: str, day: date, start: int = 10, end: int = 12) -> Meeting:
    planned = meeting(kind, day, start, end)
    series.schedule_meeting(planned, actor="anna")
    return series.meeting(planned.meeting_id)


def kickoff_held(series: PeerLearning, day: date) -> Meeting:
    """Schedules the kick-off on `day` and marks it held (`day` lies before NOW)."""
    kickoff = schedule(series, "kickoff", day)
    series.mark_meeting_held(kickoff.meeting_id, now=NOW, actor="anna")
    return series.meeting(kickoff.meeting_id)


RUNNING_KICKOFF = date(2024, 3, 5)


def running_series() -> PeerLearning:
    """A series that started on 2024-03-01 and held its kick-off on RUNNING_KICKOFF."""
    series = announced(starts_on=date(2024, 3, 1))
    kickoff_held(series, RUNNING_KICKOFF)
    return series
