"""The store goes away under load: 503 with a problem body, then recovery in the same process."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.api.client import PROBLEM, TEAM, announce_body
from tests.reliability.figures import record
from tests.reliability.http import served
from tests.reliability.load import Ledger, hammer
from tests.reliability.test_load import announce_series
from tests.reliability.throwaway_postgres import throwaway_postgres
from tests.reliability.verify import missing_writes, views_differ
from tests.support.stores import sqlite_url
from tests.support.waiting import wait_until

AS_TEAM = {"Authorization": f"Bearer {TEAM}"}
UNAVAILABLE = "urn:peerlearning:problem:store-unavailable"


def assert_unavailable(response: requests.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["Content-Type"].startswith(PROBLEM)
    assert int(response.headers["Retry-After"]) >= 1
    problem = response.json()
    assert problem["type"] == UNAVAILABLE and "retry" in problem["detail"], problem


def answers(url: str) -> bool:
    try:
        return requests.get(f"{url}/health", timeout=30).status_code == 200
    except requests.RequestException:
        return False


@pytest.mark.heavy
def test_postgres_restarted_under_load() -> None:
    with throwaway_postgres() as postgres:
        with served(postgres.url) as server:
            ledger = restart_under_load(server.url, postgres)
        outage_errors = {s: n for s, n in ledger.statuses.items() if s >= 500}
        record(
            "postgres restarted",
            requests=ledger.requests,
            faults=1,
            writes_verified=ledger.acknowledged,
            answered_503=outage_errors.get(503, 0),
            other_5xx=sum(n for s, n in outage_errors.items() if s != 503),
        )
        assert ledger.client_failures == []
        assert set(outage_errors) <= {503}, (ledger.statuses, logged_errors(server.output))
        assert missing_writes(postgres.url, ledger) == []
        assert views_differ(postgres.url) == []


def restart_under_load(url: str, postgres: Any) -> Ledger:
    series = announce_series(url, 3)
    ledger, stop = Ledger(), threading.Event()
    writers = threading.Thread(target=hammer, args=(url, series, 4, 600, ledger, stop))
    writers.start()
    try:
        wait_until(lambda: ledger.acknowledged >= 30)
        postgres.stop()
        assert_unavailable(requests.get(f"{url}/peer-learnings", timeout=90))
        assert_unavailable(
            requests.post(
                f"{url}/peer-learnings", json=announce_body(), headers=AS_TEAM, timeout=120
            )
        )
        before_restart = ledger.acknowledged
        postgres.start()
        wait_until(lambda: answers(url), timeout=120)
        wait_until(lambda: ledger.acknowledged >= before_restart + 30, timeout=120)
    finally:
        stop.set()
        writers.join(timeout=180)
    return ledger


def logged_errors(output: list[str]) -> str:
    """What the server logged from its first error on, to name the cause of a 5xx."""
    first = next((i for i, line in enumerate(output) if "ERROR" in line), len(output))
    return "".join(output[first : first + 80])


HOLD_THE_LOCK = """
import sqlite3, sys
holder = sqlite3.connect(sys.argv[1], isolation_level=None)
holder.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
holder.execute("ROLLBACK")
"""


@pytest.mark.heavy
def test_a_sqlite_file_locked_by_another_process(tmp_path: Path) -> None:
    store_url = sqlite_url(tmp_path)
    with served(store_url, PEERLEARNING_SQLITE_LOCK_TIMEOUT="1") as server:
        series = announce_series(server.url, 1)[0]
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD_THE_LOCK, str(tmp_path / "peerlearning.db")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
            locked = [
                requests.post(
                    f"{server.url}/peer-learnings",
                    json=announce_body(),
                    headers=AS_TEAM,
                    timeout=60,
                ),
                requests.patch(
                    f"{server.url}/peer-learnings/{series}",
                    json={"capacity": 9},
                    headers=AS_TEAM,
                    timeout=60,
                ),
            ]
            reads = [requests.get(f"{server.url}/peer-learnings", timeout=60) for _ in range(3)]
        finally:
            holder.communicate("", timeout=30)
        after = requests.post(
            f"{server.url}/peer-learnings", json=announce_body(), headers=AS_TEAM, timeout=60
        )

    record("sqlite locked", requests=len(locked) + len(reads) + 1, faults=1)
    for response in locked:
        assert_unavailable(response)
    for response in reads:
        assert response.status_code in (200, 503), response.text
        if response.status_code == 503:
            assert_unavailable(response)
    assert after.status_code == 201, after.text
