"""`peerlearning serve` stops at once with a message a person can act on."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.server import ROOT


def serve(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerlearning.cli", "serve", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_port_in_use_is_named_and_exits_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {"PEERLEARNING_DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"}

        finished = serve("--port", str(port), "--no-scheduler", env=env)

    assert finished.returncode == 2
    assert f"Cannot listen on 127.0.0.1:{port}" in finished.stderr


@pytest.mark.heavy
def test_an_unreachable_store_names_the_setting_and_exits_2() -> None:
    env = {"PEERLEARNING_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/nirgends"}

    finished = serve("--port", "0", env=env)

    assert finished.returncode == 2
    assert "PEERLEARNING_DATABASE_URL" in finished.stderr
