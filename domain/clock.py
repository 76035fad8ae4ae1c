"""Time comes into the domain through a clock, so tests can set it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

PROGRAMME_TIMEZONE = ZoneInfo("Europe/Berlin")


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def today(clock: Clock) -> date:
    """The current day of the programme's calendar (Europe/Berlin)."""
    return day_of(clock.now())


def day_of(moment: datetime) -> date:
    """The day of the programme's calendar (Europe/Berlin) a moment falls on."""
    return moment.astimezone(PROGRAMME_TIMEZONE).date()
