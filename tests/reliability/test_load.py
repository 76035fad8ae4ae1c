"""Several clients hammer the real server: nothing acknowledged is lost, no 5xx."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.client import TEAM, ApiClient, announce_body
from tests.reliability.figures import record
from tests.reliability.http import HttpClient, served, store_for
from tests.reliability.load import hammer
from tests.reliability.verify import GENUINE_CONFLICTS, missing_writes, views_differ

THREADS, SECONDS = 6, 12


def announce_series(url: str, count: int) -> list[str]:
    team = ApiClient(HttpClient(url), TEAM)  # type: ignore[arg-type]
    capacities = [None, 5, 20]
    return [
        team.post(
            "/peer-learnings", announce_body(title=f"Last {i}", capacity=capacities[i % 3])
        ).json["id"]
        for i in range(count)
    ]


@pytest.mark.heavy
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_concurrent_clients_lose_nothing(tmp_path: Path, kind: str) -> None:
    with store_for(kind, tmp_path) as store_url:
        with served(store_url) as server:
            series = announce_series(server.url, 4)
            ledger = hammer(server.url, series, THREADS, SECONDS)

        record(
            "load",
            store=kind,
            requests=ledger.requests,
            writes_verified=ledger.acknowledged,
            conflicts=sum(ledger.problems.values()),
            server_errors=ledger.server_errors,
        )
        assert ledger.client_failures == []
        assert ledger.server_errors == 0, ledger.statuses
        assert set(ledger.problems) <= GENUINE_CONFLICTS, ledger.problems
        assert ledger.acknowledged > 50
        assert missing_writes(store_url, ledger) == []
        assert views_differ(store_url) == []
