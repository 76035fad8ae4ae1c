"""Clocks for measurements: rates over a count, median latencies."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def per_second(action: Callable[[int], object], count: int) -> float:
    """Runs `action(i)` for i in range(count); returns how many ran per second."""
    started = time.perf_counter()
    for i in range(count):
        action(i)
    return count / (time.perf_counter() - started)


def interleaved(
    first: Callable[[int], object], second: Callable[[int], object], count: int, rounds: int = 5
) -> tuple[float, float]:
    """Rates of two actions measured in alternating rounds, so drifting disk or CPU load
    on the machine falls on both alike."""
    spent = [0.0, 0.0]
    per_round = max(count // rounds, 1)
    for r in range(rounds):
        for side, action in enumerate((first, second)):
            started = time.perf_counter()
            for i in range(r * per_round, (r + 1) * per_round):
                action(i)
            spent[side] += time.perf_counter() - started
    done = per_round * rounds
    return done / spent[0], done / spent[1]


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        samples.append(seconds(action))
    return statistics.median(samples)
