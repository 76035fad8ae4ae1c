"""The only fake in integration tests: a clock the test moves by hand."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

from domain.clock import PROGRAMME_TIMEZONE


class FakeClock:
    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime(2024, 9, 20, 8, 0, tzinfo=UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        assert moment.tzinfo is not None
        with self._lock:
            self._now = moment

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._now += delta


def recorded_by_now() -> date:
    """A programme day on or after the day of every event recorded so far: events carry the
    real moment they were recorded, whatever the fake clock says, and the facts that have no
    programme day of their own hold from the day they were recorded."""
    return datetime.now(UTC).astimezone(PROGRAMME_TIMEZONE).date()
