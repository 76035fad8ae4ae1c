"""Clocks for measurements: rates over a count, median latencies."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable


def per_second(action: Callable[[int], object], count: int) -> float:
    """Runs `action(i)` for i in range(count); returns how many ran per second."""
    started = time.perf_counter()
    for i in range(count):
        action(i)
    return count / (time.perf_counter() - started)


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        samples.append(seconds(action))
    return statistics.median(samples)


def best_of(values: Iterable[float]) -> float:
    return max(values)
