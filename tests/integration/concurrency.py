"""Threads that read a series and write to it at the same time."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from uuid import UUID

from application.app import PeerLearningApp
from domain.errors import ConcurrentWrite, Conflict, StaleVersion
from tests.support.samples import at

FIRST_DAY = date(2024, 10, 7)


@dataclass
class Outcome:
    scheduled: dict[UUID, date] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def summary(self) -> str:
        stale = sum(isinstance(c, StaleVersion) for c in self.conflicts)
        concurrent = sum(isinstance(c, ConcurrentWrite) for c in self.conflicts)
        return f"{len(self.scheduled)} scheduled, {stale} stale, {concurrent} concurrent writes"


def schedule_slot(app: PeerLearningApp, series_id: UUID, slot: int, outcome: Outcome) -> None:
    """Reads the series, then schedules a meeting in a slot no other command uses."""
    day = FIRST_DAY + timedelta(days=slot // 4)
    hour = 8 + 2 * (slot % 4)
    expected = app.series(series_id).version if slot % 2 else None
    try:
        meeting_id = app.schedule_meeting(
            series_id,
            "exchange",
            at(day, hour),
            at(day, hour + 1),
            "virtual",
            actor=f"thread-{slot}",
            expected_version=expected,
        )
    except Conflict as conflict:
        with outcome.lock:
            outcome.conflicts.append(conflict)
        return
    with outcome.lock:
        outcome.scheduled[meeting_id] = day


def run_threads(
    apps: Callable[[int], PeerLearningApp], series_id: UUID, threads: int, commands: int
) -> Outcome:
    outcome = Outcome()
    start = threading.Barrier(threads)

    def worker(number: int) -> None:
        try:
            app = apps(number)
            start.wait(timeout=60)
            for turn in range(commands):
                schedule_slot(app, series_id, number * commands + turn, outcome)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            start.abort()
            with outcome.lock:
                outcome.errors.append(error)

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in workers), "a command hung"
    return outcome
