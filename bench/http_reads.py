"""Figures 3 and 7: catalogue and series detail over HTTP, and the server's peak memory."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.figures import Figure, at_least, at_most
from bench.http_apps import api_server, bare_server
from bench.load import Request, Requests, fetch, median_latency, requests_per_second
from bench.scale import Scale
from bench.serving import Server
from peerlearning.bootstrap import Services

CATALOGUE: Request = ("GET", "/peer-learnings", None, {})


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


def _latencies(server: Server, ids: list[str], samples: int) -> tuple[float, float]:
    for i in range(10):
        fetch(server.port, mixed(ids)(0, i))
    return (
        median_latency(server.port, lambda t, i: CATALOGUE, samples),
        median_latency(server.port, detail(ids), samples),
    )


def measure(services: Services, store: str, small: Services, scale: Scale) -> list[Figure]:
    duration = scale.http_seconds
    ids, small_ids = series_ids(services), series_ids(small)
    with tempfile.TemporaryDirectory(prefix="bench-bodies-") as folder:
        bodies = Path(folder)
        with (
            api_server(services.settings, wait=False) as api,
            api_server(small.settings, wait=False) as few,
        ):
            api.ready()
            few.ready()
            (bodies / "catalogue.json").write_bytes(fetch(api.port, CATALOGUE))
            (bodies / "detail.json").write_bytes(fetch(api.port, detail(ids)(0, 0)))
            small_catalogue, small_detail = _latencies(few, small_ids, scale.latency_samples)
            full_catalogue, full_detail = _latencies(api, ids, scale.latency_samples)
            api_load = requests_per_second(api.port, mixed(ids), duration)
            api_rss = peak_rss_mib(api)
        with bare_server(services.settings, bodies=bodies) as bare:
            requests_per_second(bare.port, bare_mixed, min(duration, 1.0))
            bare_load = requests_per_second(bare.port, bare_mixed, duration)
            bare_rss = peak_rss_mib(bare)
    events = services.app.recorder.max_notification_id() or 0
    few_events = small.app.recorder.max_notification_id() or 0
    return [
        Figure(
            "3a catalogue + detail over HTTP",
            store,
            api_load.rate,
            "req/s",
            bare_load.rate,
            at_least(0.5),
            note=api_load.note or bare_load.note,
        ),
        Figure(
            f"3b catalogue latency, {events:,} vs {few_events:,} events",
            store,
            full_catalogue * 1000,
            "ms",
            small_catalogue * 1000,
            at_most(1.5),
        ),
        Figure(
            f"3c series detail latency, {events:,} vs {few_events:,} events",
            store,
            full_detail * 1000,
            "ms",
            small_detail * 1000,
            at_most(1.5),
        ),
        Figure("7 peak RSS of a serving worker (vs bare Flask)", store, api_rss, "MiB", bare_rss),
    ]
