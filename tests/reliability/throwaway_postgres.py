"""A PostgreSQL server of its own on a free port, that a test may stop and start at will.

Never the shared server on 5432: the other tests use that one.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

BIN = Path(os.environ.get("PEERLEARNING_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def as_postgres(*command: str) -> subprocess.CompletedProcess[str]:
    runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*runner, *command], capture_output=True, text=True, timeout=120)


@dataclass
class ThrowawayPostgres:
    directory: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres?schema=reliability"

    def ctl(self, *args: str) -> None:
        done = as_postgres(str(BIN / "pg_ctl"), "-D", str(self.directory / "data"), "-w", *args)
        assert done.returncode == 0, done.stdout + done.stderr

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self.ctl("-o", options, "-l", str(self.directory / "log"), "start")

    def stop(self) -> None:
        """An immediate stop: connections are cut as in a crash."""
        self.ctl("-m", "immediate", "stop")


@contextmanager
def throwaway_postgres() -> Iterator[ThrowawayPostgres]:
    if not (BIN / "initdb").exists() or shutil.which("runuser") is None:
        pytest.skip(f"needs PostgreSQL's initdb in {BIN} and runuser")
    directory = Path(tempfile.mkdtemp(prefix="peerlearning-pg-"))
    shutil.chown(directory, "postgres", "postgres")
    server = ThrowawayPostgres(directory, free_port())
    done = as_postgres(
        str(BIN / "initdb"), "-D", str(directory / "data"), "-A", "trust", "-U", "postgres"
    )
    assert done.returncode == 0, done.stderr
    server.start()
    try:
        yield server
    finally:
        as_postgres(str(BIN / "pg_ctl"), "-D", str(directory / "data"), "-m", "immediate", "stop")
        shutil.rmtree(directory, ignore_errors=True)
