"""HTTP load from several client threads, each on its own keep-alive connection."""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

CLIENT_THREADS = 4
Request = tuple[str, str, bytes | None, dict[str, str]]  # method, path, body, headers
Requests = Callable[[int, int], Request]  # (thread, i) -> the i-th request of that thread


@dataclass
class Tally:
    done: int = 0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _exchange(conn: http.client.HTTPConnection, request: Request) -> tuple[int, bytes]:
    method, path, body, headers = request
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def _client(port: int, thread: int, requests: Requests, until: float, tally: Tally) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    i = 0
    while time.perf_counter() < until:
        status, body = _exchange(conn, requests(thread, i))
        i += 1
        with tally.lock:
            if status >= 400:
                tally.failures.append(f"{status}: {body[:200]!r}")
            tally.done += 1
    conn.close()


@dataclass(frozen=True)
class Load:
    rate: float  # answered without error, per second
    done: int
    failures: list[str]

    @property
    def note(self) -> str | None:
        if not self.failures:
            return None
        return f"{len(self.failures)} of {self.done} requests failed, e.g. {self.failures[0][:120]}"


def requests_per_second(
    port: int, requests: Requests, duration: float, threads: int = CLIENT_THREADS
) -> Load:
    """Runs the clients for `duration` seconds; failed requests do not count."""
    tally = Tally()
    until = time.perf_counter() + duration
    started = time.perf_counter()
    workers = [
        threading.Thread(target=_client, args=(port, t, requests, until, tally))
        for t in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    return Load((tally.done - len(tally.failures)) / elapsed, tally.done, tally.failures)


def median_latency(port: int, requests: Requests, repeat: int) -> float:
    """One client, one request at a time: the median seconds per request."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    samples = []
    for i in range(repeat):
        request = requests(0, i)
        started = time.perf_counter()
        status, body = _exchange(conn, request)
        samples.append(time.perf_counter() - started)
        if status >= 400:
            raise RuntimeError(f"{request[1]} answered {status}: {body[:200]!r}")
    conn.close()
    return statistics.median(samples)


def fetch(port: int, request: Request) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        status, body = _exchange(conn, request)
    finally:
        conn.close()
    if status >= 400:
        raise RuntimeError(f"{request[1]} answered {status}: {body[:200]!r}")
    return body
