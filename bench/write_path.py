"""Figure 1: commands with their projection update against raw single-row inserts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from bench.dataset import ACTOR, BERLIN, details, place
from bench.figures import Figure, at_least
from bench.raw_inserts import raw_inserts, sqlite_synchronous
from bench.timing import interleaved
from peerlearning.bootstrap import Services

TARGETS = {"sqlite": 0.33, "postgresql": 0.25}
FRESH_SERIES = 8


class CommandMix:
    """Alternates `schedule_meeting` and `join` over a few open series of the store."""

    def __init__(self, services: Services, first_number: int) -> None:
        self.app = services.app
        start = datetime.now(UTC).date() + timedelta(days=400)
        self.series: list[UUID] = []
        self.enrollments: list[UUID] = []
        for n in range(FRESH_SERIES):
            self._open_series(first_number + n, start)
        self.start = start

    def _open_series(self, number: int, start: date) -> None:
        fields = details(number, start, 10).__dict__ | {
            "ends_on": None,
            "scope": "thematic",
            "regions": (),
        }
        series_id = self.app.announce(ACTOR, **fields)
        self.series.append(series_id)
        for seat in range(2):
            where = place(900_000 + number * 3 + seat)
            enrollment_id, _ = self.app.enrol(series_id, where, "Kontakt", "k@example.org", ACTOR)
            self.enrollments.append(enrollment_id)

    def run(self, i: int) -> None:
        if i % 2:
            enrollment = self.enrollments[i % len(self.enrollments)]
            self.app.join(enrollment, f"Person {i}", f"w{i}@example.org", ACTOR)
            return
        series = self.series[i % len(self.series)]
        day = self.start + timedelta(days=1 + i // len(self.series))
        starts_at = datetime.combine(day, time(10), tzinfo=BERLIN)
        self.app.schedule_meeting(
            series,
            "exchange",
            starts_at,
            starts_at + timedelta(hours=2),
            "virtual",
            ACTOR,
            video_url="https://video.example.org/room",
        )


def measure(services: Services, store: str, count: int) -> Figure:
    mix = CommandMix(services, first_number=700_000)
    synchronous = sqlite_synchronous(services.app) if services.settings.is_sqlite else 2
    inserts = raw_inserts(services.settings, synchronous)
    try:
        mix.run(0)  # warm-up: first loads, prepared statements
        inserts.insert(0)
        commands, baseline = interleaved(lambda i: mix.run(i + 1), inserts.insert, count)
    finally:
        inserts.close()
    return Figure(
        "1 write path: commands incl. views",
        store,
        commands,
        "/s",
        baseline,
        at_least(TARGETS[store]),
    )
