"""A gunicorn server on loopback, started for one measurement and stopped after it."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

THREADS = 4


def workers_for(store_url: str) -> int:
    """SQLite takes one writing process (threads share its single writer); PG takes two."""
    return 1 if store_url.startswith("sqlite") else 2


STARTUP_SECONDS = 120.0


@dataclass(frozen=True)
class Server:
    port: int
    process: subprocess.Popen[bytes]

    def ready(self) -> Server:
        """Waits until the workers answer `/health`."""
        _wait_until_answering(self.port, self.process)
        return self

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def gunicorn_command(app_spec: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={THREADS}",
        "--log-level=warning",
        "--timeout=120",
        app_spec,
    ]


def _wait_until_answering(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} while starting")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health")
            if conn.getresponse().status < 500:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer on port {port} within {STARTUP_SECONDS:.0f} s")


@contextmanager
def gunicorn(
    app_spec: str, env: dict[str, str], workers: int, wait: bool = True
) -> Iterator[Server]:
    """Serves `app_spec` on a free loopback port; with wait=False call `ready()` before use."""
    port = free_port()
    process = subprocess.Popen(
        gunicorn_command(app_spec, port, workers),
        env={**os.environ, **env},
        cwd=Path(__file__).resolve().parent.parent,
    )
    server = Server(port, process)
    try:
        yield server.ready() if wait else server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
