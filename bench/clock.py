"""A clock the benchmark sets, so reminders fall due when it says."""

from __future__ import annotations

from datetime import UTC, datetime


class SettableClock:
    def __init__(self, now: datetime | None = None) -> None:
        self.moment = now or datetime.now(UTC)

    def now(self) -> datetime:
        return self.moment
