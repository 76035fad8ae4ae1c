"""SIGKILL the server during sustained writes, restart it: nothing acknowledged is lost, and
each command was kept whole: its events, chain links, keys, view rows and positions.

The projector's own kill test is tests/projections/test_processes.py; the scheduler's is in
tests/scheduler/test_faults.py.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from uuid import UUID

import pytest
import requests

from peerlearning.bootstrap import open_application
from store.settings import store_settings
from tests.api.client import TEAM
from tests.reliability.figures import record
from tests.reliability.http import served, store_for
from tests.reliability.load import Ledger, hammer
from tests.reliability.test_load import announce_series
from tests.reliability.verify import missing_writes, unkept_with_their_commands, views_differ
from tests.support.waiting import wait_until

KILLS, WRITERS, BETWEEN_KILLS = 3, 4, 30


def kill_during_writes(store_url: str, series: list[str], ledger: Ledger) -> None:
    with served(store_url) as server:
        target = ledger.acknowledged + BETWEEN_KILLS
        writers = threading.Thread(target=hammer, args=(server.url, series, WRITERS, 60, ledger))
        writers.start()
        wait_until(lambda: ledger.acknowledged >= target)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=30)
        writers.join(timeout=90)
        assert not writers.is_alive()


def stored_versions(store_url: str, series: list[str]) -> dict[str, int]:
    app = open_application(store_settings(store_url))
    try:
        return {s: app.series(UUID(s)).version for s in series}
    finally:
        app.close()


def shown_versions(url: str, series: list[str]) -> dict[str, int]:
    return {
        s: requests.get(f"{url}/peer-learnings/{s}", timeout=30).json()["version"] for s in series
    }


@pytest.mark.heavy
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_a_killed_server_keeps_every_acknowledged_write(tmp_path: Path, kind: str) -> None:
    with store_for(kind, tmp_path) as store_url:
        with served(store_url) as server:
            series = announce_series(server.url, 3)
        ledger = Ledger()
        for _ in range(KILLS):
            kill_during_writes(store_url, series, ledger)
            assert unkept_with_their_commands(store_url, ledger) == []
        with served(store_url) as server:
            expected = stored_versions(store_url, series)
            wait_until(lambda: shown_versions(server.url, series) == expected)
            auth = {"Authorization": f"Bearer {TEAM}"}
            verified = requests.get(f"{server.url}/audit/verify", headers=auth, timeout=60).json()

        record(
            "server killed",
            store=kind,
            kills=KILLS,
            requests=ledger.requests,
            writes_verified=ledger.acknowledged,
            unanswered=sum(ledger.unanswered.values()),
            server_errors=ledger.server_errors,
        )
        assert verified["ok"] is True, verified
        assert ledger.client_failures == []
        assert ledger.server_errors == 0, ledger.statuses
        assert missing_writes(store_url, ledger) == []
        assert views_differ(store_url) == []
