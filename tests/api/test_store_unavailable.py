"""A store that does not answer in time is a 503 with Retry-After, not a 500."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerlearning.bootstrap import bootstrap
from peerlearning.http_app import create_app
from store.settings import store_settings
from tests.api.client import PROBLEM, TOKENS, ApiClient, announce_body
from tests.support.clock import FakeClock
from tests.support.stores import sqlite_url


@pytest.fixture
def locked_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("PEERLEARNING_SQLITE_LOCK_TIMEOUT", "1")
    yield sqlite_url(tmp_path)


def test_a_locked_sqlite_store_answers_503_with_retry_after(locked_store: str) -> None:
    services = bootstrap(store_settings(locked_store), FakeClock())
    team = ApiClient(create_app({"PEERLEARNING_TOKENS": TOKENS}, services).test_client(), None)
    team.token = TOKENS.split(",")[0].split(":")[2]
    holder = sqlite3.connect(services.settings.sqlite_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        response = team.post("/peer-learnings", announce_body())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        services.close()

    assert response.status_code == 503, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    assert int(response.headers["Retry-After"]) >= 1
    assert "retry" in response.json["detail"]
