"""Time travel on a long series against a short one: snapshots keep old versions cheap.

Run alone with `python -m bench.time_travel [--events N]`.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from uuid import UUID

from application.app import PeerLearningApp
from audit.time_travel import series_as_of, timestamp_of
from bench.figures import Figure, at_most, table
from bench.stores import fresh_store, store_kinds
from bench.timing import median_seconds
from peerlearning.bootstrap import open_application
from store.settings import store_settings

SHORT = 100
CHUNK = 50  # one save per snapshot interval, so every save leaves a snapshot
REPEAT = 15


def long_series(app: PeerLearningApp, events: int) -> UUID:
    """A series whose log holds `events` events: joining closed and reopened in turn."""
    series_id = app.announce(
        actor="bench",
        title="Lange Reihe",
        host="Stadt Bench",
        summary="Viele Ereignisse.",
        topics=("Daten",),
        scope="thematic",
        regions=(),
        format="virtual",
        location=None,
        starts_on=datetime(2024, 10, 1).date(),
        ends_on=None,
        planned_meetings=6,
        capacity=None,
        agenda_url=None,
        contact_email="bench@example.org",
    )
    series = app.series(series_id)
    while series.version < events:
        for _ in range(min(CHUNK, events - series.version)):
            if series.joining_open:
                series.close_joining(actor="bench")
            else:
                series.reopen_joining(actor="bench")
        app.save(series)
    return series_id


def old_version(events: int) -> int:
    """Halfway back, 25 events past a snapshot, the same distance for both series."""
    return max(1, (events // 2) // CHUNK * CHUNK - 25)


def answer_seconds(app: PeerLearningApp, series_id: UUID, events: int) -> tuple[float, float]:
    version = old_version(events)
    moment = timestamp_of(app, series_id, version)
    series_as_of(app, series_id, version=version)  # warm caches and prepared statements
    by_version = median_seconds(lambda: series_as_of(app, series_id, version=version), REPEAT)
    by_moment = median_seconds(lambda: series_as_of(app, series_id, as_of=moment), REPEAT)
    return by_version, by_moment


def measure(url: str, store: str, events: int) -> list[Figure]:
    app = open_application(store_settings(url))
    try:
        short_id, long_id = long_series(app, SHORT), long_series(app, events)
        short_version, short_moment = answer_seconds(app, short_id, SHORT)
        long_version, long_moment = answer_seconds(app, long_id, events)
    finally:
        app.close()
    name = f"time travel, {events:,} vs {SHORT} events"
    return [
        Figure(
            f"{name}, by version",
            store,
            long_version * 1000,
            "ms",
            short_version * 1000,
            at_most(3.0),
        ),
        Figure(
            f"{name}, by moment", store, long_moment * 1000, "ms", short_moment * 1000, at_most(3.0)
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--store", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    figures = []
    for kind in store_kinds(args.store):
        with fresh_store(kind, "timetravel") as url:
            figures += measure(url, kind.name, args.events)
    print(table(figures))


if __name__ == "__main__":
    main()
