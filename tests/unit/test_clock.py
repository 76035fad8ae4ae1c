"""The programme's clock: moments in UTC, days in the programme's calendar (Europe/Berlin)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from domain.clock import SystemClock, today


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


def test_the_system_clock_tells_the_moment_in_utc() -> None:
    before = datetime.now(UTC)

    moment = SystemClock().now()

    assert moment.utcoffset() == timedelta(0)
    assert before <= moment <= datetime.now(UTC)


def test_the_day_is_the_day_in_berlin() -> None:
    assert today(FixedClock(datetime(2024, 12, 31, 23, 30, tzinfo=UTC))) == date(2025, 1, 1)
    assert today(FixedClock(datetime(2024, 7, 1, 21, 59, tzinfo=UTC))) == date(2024, 7, 1)
    assert today(FixedClock(datetime(2024, 7, 1, 22, 0, tzinfo=UTC))) == date(2024, 7, 2)
