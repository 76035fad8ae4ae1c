"""Figures 3 and 7: catalogue, series detail, page and feeds over HTTP; peak memory."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.figures import Figure, at_least, at_most
from bench.http_apps import api_server, bare_server
from bench.http_pages import (
    FEED,
    PAGE,
    bare_feed_and_page,
    feed_and_page,
    fresh_latency,
    warm,
)
from bench.load import Load, Request, Requests, fetch, requests_per_second
from bench.scale import Scale
from bench.serving import Server
from peerlearning.bootstrap import Services

CATALOGUE: Request = ("GET", "/peer-learnings", None, {})
ROUNDS = 2  # each side's best of two alternating rounds


def series_ids(services: Services) -> list[str]:
    with services.db.transaction() as tx:
        return [str(row[0]) for row in tx.fetchall("SELECT id FROM view_catalogue ORDER BY id")]


def detail(ids: list[str]) -> Requests:
    return lambda thread, i: (
        "GET",
        f"/peer-learnings/{ids[(thread * 7919 + i) % len(ids)]}",
        None,
        {},
    )


def mixed(ids: list[str]) -> Requests:
    details = detail(ids)
    return lambda thread, i: details(thread, i) if i % 2 else CATALOGUE


def bare_mixed(thread: int, i: int) -> Request:
    return ("GET", f"/body/{'detail' if i % 2 else 'catalogue'}", None, {})


def peak_rss_mib(server: Server) -> float:
    """The largest peak resident set (VmHWM) among the server's worker processes."""
    peaks = [0]
    for pid in server.worker_pids():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]))
    return max(peaks) / 1024


@dataclass(frozen=True)
class Latencies:
    catalogue: float
    detail: float
    page: float


def _latencies(server: Server, ids: list[str], today: date, samples: int, first: int) -> Latencies:
    """Each answer rendered anew (kept answers would hide what grows with the store)."""
    for i in range(10):
        fetch(server.port, mixed(ids)(0, i))
    port = server.port

    def took(path: Callable[[int], str]) -> float:
        return fresh_latency(port, today, path, samples, first)

    return Latencies(
        took(lambda i: "/peer-learnings"),
        took(lambda i: f"/peer-learnings/{ids[i % len(ids)]}"),
        took(lambda i: "/"),
    )


def best_latencies(rounds: list[Latencies]) -> Latencies:
    return Latencies(
        min(r.catalogue for r in rounds),
        min(r.detail for r in rounds),
        min(r.page for r in rounds),
    )


def both_latencies(
    full: tuple[Server, list[str]], few: tuple[Server, list[str]], today: date, samples: int
) -> tuple[Latencies, Latencies]:
    """Each store's best of alternating rounds, each round on days not asked before."""
    fulls, fews = [], []
    for round_no in range(ROUNDS):
        first = round_no * samples
        fews.append(_latencies(*few, today, samples, first))
        fulls.append(_latencies(*full, today, samples, first))
    return best_latencies(fulls), best_latencies(fews)


def save_bodies(port: int, ids: list[str], bodies: Path) -> None:
    """The API's own answers, which the bare server sends back as they are."""
    (bodies / "catalogue.json").write_bytes(fetch(port, CATALOGUE))
    (bodies / "detail.json").write_bytes(fetch(port, detail(ids)(0, 0)))
    (bodies / "calendar.ics").write_bytes(fetch(port, FEED))
    (bodies / "page.html").write_bytes(fetch(port, PAGE))


@dataclass(frozen=True)
class Loads:
    api: Load
    bare: Load


def best(loads: list[Load]) -> Load:
    return max(loads, key=lambda load: load.rate)


def alternating(
    api: Server, bare: Server, ours: Requests, theirs: Requests, seconds: float
) -> Loads:
    """Each side's best of alternating rounds, so a slow spell of the machine falls on both."""
    rounds = [
        (
            requests_per_second(api.port, ours, seconds),
            requests_per_second(bare.port, theirs, seconds),
        )
        for _ in range(ROUNDS)
    ]
    return Loads(best([a for a, _ in rounds]), best([b for _, b in rounds]))


@contextmanager
def both_servers(services: Services, small: Services) -> Iterator[tuple[Server, Server]]:
    with (
        api_server(services.settings, wait=False) as api,
        api_server(small.settings, wait=False) as few,
    ):
        yield api.ready(), few.ready()


def measure(services: Services, store: str, small: Services, scale: Scale) -> list[Figure]:
    duration = scale.http_seconds
    ids, small_ids = series_ids(services), series_ids(small)
    today = services.app.clock.now().date()
    with (
        tempfile.TemporaryDirectory(prefix="bench-bodies-") as folder,
        both_servers(services, small) as (api, few),
    ):
        bodies = Path(folder)
        save_bodies(api.port, ids, bodies)
        sizes = Sizes(
            (bodies / "calendar.ics").stat().st_size, (bodies / "page.html").stat().st_size
        )
        full_took, few_took = both_latencies(
            (api, ids), (few, small_ids), today, scale.latency_samples
        )
        with bare_server(services.settings, bodies=bodies) as bare:
            warm(api.port, feed_and_page)
            requests_per_second(bare.port, bare_mixed, min(duration, 1.0))
            reads = alternating(api, bare, mixed(ids), bare_mixed, duration)
            pages = alternating(api, bare, feed_and_page, bare_feed_and_page, duration)
            api_rss, bare_rss = peak_rss_mib(api), peak_rss_mib(bare)
    events = services.app.recorder.max_notification_id() or 0
    few_events = small.app.recorder.max_notification_id() or 0
    return [
        Figure(
            "3a catalogue + detail over HTTP",
            store,
            reads.api.rate,
            "req/s",
            reads.bare.rate,
            at_least(0.5),
            note=reads.api.note or reads.bare.note,
        ),
        Figure(
            f"3b catalogue latency, each a new rendering, {events:,} vs {few_events:,} events",
            store,
            full_took.catalogue * 1000,
            "ms",
            few_took.catalogue * 1000,
            at_most(1.5),
        ),
        Figure(
            f"3c series detail latency, each new, {events:,} vs {few_events:,} events",
            store,
            full_took.detail * 1000,
            "ms",
            few_took.detail * 1000,
            at_most(1.5),
        ),
        Figure(
            f"3d feeds and page over HTTP ({sizes})",
            store,
            pages.api.rate,
            "req/s",
            pages.bare.rate,
            at_least(0.5),
            note=pages.api.note or pages.bare.note,
        ),
        Figure(
            f"3e page latency, each a new rendering, {len(ids):,} vs {len(small_ids):,} series",
            store,
            full_took.page * 1000,
            "ms",
            few_took.page * 1000,
            at_most(1.5),
        ),
        Figure("7 peak RSS of a serving worker (vs bare Flask)", store, api_rss, "MiB", bare_rss),
    ]


@dataclass(frozen=True)
class Sizes:
    feed: int
    page: int

    def __str__(self) -> str:
        return f"feed {self.feed / 1e6:.1f} MB, page {self.page / 1e3:.0f} kB"
