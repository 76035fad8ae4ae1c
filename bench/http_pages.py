"""Figures 3d and 3e: the public page and the upcoming feed over HTTP at full size."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from bench.load import Request, Requests, median_latency, requests_per_second

FEED: Request = ("GET", "/calendar.ics", None, {})
PAGE: Request = ("GET", "/", None, {})
WARM_SECONDS = 1.0


def feed_and_page(thread: int, i: int) -> Request:
    return PAGE if i % 2 else FEED


def bare_feed_and_page(thread: int, i: int) -> Request:
    return ("GET", f"/body/{'page' if i % 2 else 'calendar'}", None, {})


def warm(port: int, requests: Requests) -> None:
    """Until every worker has rendered what it serves: the first answers wait for that."""
    requests_per_second(port, requests, WARM_SECONDS)


def as_of_another_day(today: date, path: Callable[[int], str], first: int = 0) -> Requests:
    """`path(i)` as of a different day each time (from `first` days back), so that no answer
    is kept from before and every request is rendered anew, as after a write."""
    return lambda thread, i: (
        "GET",
        f"{path(i)}?on={today - timedelta(days=first + i + 1)}",
        None,
        {},
    )


def fresh_latency(
    port: int, today: date, path: Callable[[int], str], samples: int, first: int = 0
) -> float:
    return median_latency(port, as_of_another_day(today, path, first), samples)
