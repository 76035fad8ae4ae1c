"""Starts `peerlearning serve` as a real process and waits until it listens."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LISTENING = re.compile(r"listening on (http://\S+)")


@dataclass
class RunningServer:
    process: subprocess.Popen[str]
    url: str = ""
    output: list[str] = field(default_factory=list)


def _pump(process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)


@contextmanager
def serving(*args: str, env: dict[str, str], timeout: float = 60) -> Iterator[RunningServer]:
    command = [sys.executable, "-m", "peerlearning.cli", "serve", "--port", "0", *args]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    server = RunningServer(process)
    lines: queue.Queue[str] = queue.Queue()
    pump = threading.Thread(target=_pump, args=(process, lines), daemon=True)
    pump.start()
    try:
        server.url = _wait_for_address(server, lines, time.monotonic() + timeout)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        pump.join(timeout=10)
        while not lines.empty():  # the whole run's output, for tests that read the log
            server.output.append(lines.get())


def _wait_for_address(server: RunningServer, lines: queue.Queue[str], deadline: float) -> str:
    while time.monotonic() < deadline:
        if server.process.poll() is not None and lines.empty():
            raise AssertionError("serve exited early:\n" + "".join(server.output))
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        server.output.append(line)
        if found := LISTENING.search(line):
            return found.group(1)
    raise AssertionError("serve did not listen in time:\n" + "".join(server.output))
