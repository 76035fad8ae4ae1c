"""Several processes record at once; each chains after its commands; every event once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peerlearning.bootstrap import bootstrap
from store.settings import store_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.heavy
def test_concurrent_writers_leave_one_complete_verifiable_chain(store_url: str) -> None:
    services = bootstrap(store_settings(store_url))
    try:
        writers = [
            subprocess.Popen(
                [sys.executable, "-m", "tests.audit.writer", store_url, "15", label], cwd=ROOT
            )
            for label in ("A", "B", "C")
        ]
        assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
        services.audit.chain.catch_up(services.app)
        result = services.audit.verify(services.app)
        assert result.ok and result.unchained == 0
        assert result.checked == services.app.recorder.max_notification_id() == 3 * (4 + 15)
        positions = [p for p, _ in services.audit.chain.rows()]
        assert positions == sorted(set(positions))
    finally:
        services.close()
