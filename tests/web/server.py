"""The real server process (`peerlearning serve --demo`) on a free port, for browser tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from queue import Empty, Queue

LISTENING = re.compile(r"listening on (http://\S+)")
START_DEADLINE = 90.0


@contextmanager
def demo_server(directory: Path) -> Iterator[str]:
    """Starts the server on an empty SQLite store; yields its base URL once it listens."""
    env = {**os.environ, "PEERLEARNING_DATABASE_URL": f"sqlite:///{directory / 'web.db'}"}
    env.pop("PEERLEARNING_TOKENS", None)
    command = [sys.executable, "-m", "peerlearning.cli", "serve", "--demo", "--port", "0"]
    process = subprocess.Popen(
        [*command, "--no-scheduler"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: Queue[str] = Queue()
    threading.Thread(target=_pump, args=(process, lines), daemon=True).start()
    try:
        yield _wait_for_address(lines, process)
    finally:
        process.terminate()
        process.wait(timeout=20)


def _pump(process: subprocess.Popen[str], lines: Queue[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)


def _wait_for_address(lines: Queue[str], process: subprocess.Popen[str]) -> str:
    seen: list[str] = []
    try:
        while True:
            line = lines.get(timeout=START_DEADLINE)
            seen.append(line)
            if found := LISTENING.search(line):
                return found.group(1).rstrip("/")
    except Empty:
        raise AssertionError(
            f"The server did not say where it listens within {START_DEADLINE}s "
            f"(exit code {process.poll()}):\n{''.join(seen)[-2000:]}"
        ) from None
