"""A series' status on a day of the programme's calendar, derived from facts."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class SeriesStatus(StrEnum):
    NEW = "new"
    RUNNING = "running"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


def status_on(
    day: date,
    starts_on: date,
    kickoff_held_on: date | None,
    closed_on: date | None,
    withdrawn_on: date | None,
) -> SeriesStatus:
    if withdrawn_on is not None and withdrawn_on <= day:
        return SeriesStatus.WITHDRAWN
    if closed_on is not None and closed_on <= day:
        return SeriesStatus.CLOSED
    if starts_on <= day or (kickoff_held_on is not None and kickoff_held_on <= day):
        return SeriesStatus.RUNNING
    return SeriesStatus.NEW
