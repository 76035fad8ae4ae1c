"""A series' status on a day of the programme's calendar, derived from facts.

`STATUS_RULES` is the one definition: the first status one of whose days has been reached
on the day, else `NEW`. `status_on` reads it, and so does the catalogue's SQL, which is
built from it. The statuses' order is the catalogue's order of sections.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class SeriesStatus(StrEnum):
    NEW = "new"
    RUNNING = "running"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


# each status with the days (facts of the series) that bring it about once reached; first wins
STATUS_RULES: tuple[tuple[SeriesStatus, tuple[str, ...]], ...] = (
    (SeriesStatus.WITHDRAWN, ("withdrawn_on",)),
    (SeriesStatus.CLOSED, ("closed_on",)),
    (SeriesStatus.RUNNING, ("starts_on", "kickoff_held_on")),
)
OTHERWISE = SeriesStatus.NEW
SECTIONS: tuple[SeriesStatus, ...] = tuple(SeriesStatus)  # the catalogue's sections, in order


def status_on(
    day: date,
    starts_on: date,
    kickoff_held_on: date | None,
    closed_on: date | None,
    withdrawn_on: date | None,
) -> SeriesStatus:
    facts = {
        "starts_on": starts_on,
        "kickoff_held_on": kickoff_held_on,
        "closed_on": closed_on,
        "withdrawn_on": withdrawn_on,
    }
    for status, days in STATUS_RULES:
        if any(_reached(facts[name], day) for name in days):
            return status
    return OTHERWISE


def _reached(fact: date | None, day: date) -> bool:
    return fact is not None and fact <= day
