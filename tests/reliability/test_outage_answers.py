"""While the store cannot be used, writes and reads answer 503 with Retry-After, in time.

`PEERLEARNING_OUTAGE_ANSWER_TIMEOUT` bounds how long a request waits for PostgreSQL: the
library's ten attempts share it. The deadlines asserted here are generous multiples of the
setting, so a slow machine does not fail them, while the library's own 50 s would.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresApplicationRecorder

from peerlearning.bootstrap import Services, bootstrap, open_application
from peerlearning.http_app import create_app
from runtime.errors import SettingError
from store.bounded_postgres import (
    LIBRARY_ATTEMPTS,
    LIBRARY_PAUSE,
    attempt_timeout,
)
from store.settings import (
    OUTAGE_ANSWER_TIMEOUT,
    outage_answer_timeout,
    store_settings,
)
from tests.api.client import PROBLEM, TEAM, TOKENS, ApiClient, announce_body
from tests.reliability.throwaway_postgres import throwaway_postgres
from tests.support.clock import FakeClock
from tests.support.slow_proxy import slow_to_connect
from tests.support.stores import postgres_schema, sqlite_url

BOUND = 2.5
DEADLINE = 10.0


@contextmanager
def api_on(url: str) -> Iterator[tuple[Services, ApiClient]]:
    services = bootstrap(store_settings(url), FakeClock())
    try:
        config = {"PEERLEARNING_TOKENS": TOKENS, "PEERLEARNING_RATE_LIMIT": "off"}
        yield services, ApiClient(create_app(config, services).test_client(), TEAM)
    finally:
        services.close()


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    started = time.monotonic()
    answer = call()
    return answer, time.monotonic() - started


def assert_unavailable(answer: Any) -> None:
    assert answer.status_code == 503, answer.get_data(as_text=True)
    assert answer.mimetype == PROBLEM
    assert int(answer.headers["Retry-After"]) >= 1


def test_the_library_still_retries_as_the_bound_assumes() -> None:
    for method in (
        PostgresApplicationRecorder.insert_events,
        PostgresApplicationRecorder.select_notifications,
        PostgresAggregateRecorder.select_events,
    ):
        cells = dict(zip(method.__code__.co_freevars, method.__closure__ or (), strict=True))
        assert cells["max_attempts"].cell_contents == LIBRARY_ATTEMPTS
        assert cells["wait"].cell_contents * 1.05 <= LIBRARY_PAUSE


@pytest.mark.parametrize("bound", [BOUND, 4.0, 10.0])
def test_all_attempts_fit_in_the_bound(bound: float) -> None:
    pauses = (LIBRARY_ATTEMPTS - 1) * LIBRARY_PAUSE

    assert LIBRARY_ATTEMPTS * attempt_timeout(bound) + pauses <= bound


@pytest.mark.parametrize("text", ["0", "2", "61", "soon", "nan"])
def test_a_bound_out_of_range_says_how_to_write_it(text: str) -> None:
    with pytest.raises(SettingError, match=OUTAGE_ANSWER_TIMEOUT):
        outage_answer_timeout(text)


def test_a_server_slow_to_accept_connections_is_opened_within_the_bound() -> None:
    delay = 2 * attempt_timeout(4.0)  # each connection takes two attempts' time to start
    with postgres_schema() as url:
        port = urlparse(url).port or 5432
        with slow_to_connect(port, delay) as slow_port:
            slow = url.replace(f":{port}/", f":{slow_port}/", 1)
            app = open_application(store_settings(slow))
            try:
                assert app.recorder.max_notification_id() is None  # opened, empty, answering
            finally:
                app.close()


def test_the_bound_reaches_both_postgresql_pools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OUTAGE_ANSWER_TIMEOUT, str(BOUND))
    with postgres_schema() as url, api_on(url) as (services, _):
        assert services.app.factory.datastore.pool.timeout == attempt_timeout(BOUND)
        assert services.db._pool is not None
        assert services.db._pool.timeout == BOUND


@pytest.fixture
def stopped_postgres(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Services, ApiClient, str]]:
    monkeypatch.setenv(OUTAGE_ANSWER_TIMEOUT, str(BOUND))
    with throwaway_postgres() as postgres, api_on(postgres.url) as (services, team):
        series_id = str(team.announce().json["id"])
        postgres.stop()
        yield services, team, series_id


def test_a_write_while_postgresql_is_down_makes_the_library_attempts_only(
    stopped_postgres: tuple[Services, ApiClient, str],
) -> None:
    services, team, series_id = stopped_postgres
    pool = services.app.factory.datastore.pool
    waits: list[float | None] = []
    getconn = pool.getconn

    def counted(timeout: float | None = None) -> Any:
        waits.append(timeout)
        return getconn(timeout)

    pool.getconn = counted  # type: ignore[method-assign]

    assert_unavailable(team.patch(f"/peer-learnings/{series_id}", {"title": "Neu"}))
    assert len(waits) == LIBRARY_ATTEMPTS
    assert pool.timeout == attempt_timeout(BOUND)
    assert set(waits) == {None}  # each attempt waits the pool's timeout, no longer


def test_writes_and_reads_answer_503_within_the_bound_while_postgresql_is_down(
    stopped_postgres: tuple[Services, ApiClient, str],
) -> None:
    _, team, series_id = stopped_postgres
    calls = {
        "write": lambda: team.patch(f"/peer-learnings/{series_id}", {"title": "Neu"}),
        "announce": lambda: team.post("/peer-learnings", announce_body()),
        "catalogue": lambda: team.get("/peer-learnings"),
        "detail": lambda: team.get(f"/peer-learnings/{series_id}"),
    }

    for name, call in calls.items():
        answer, seconds = timed(call)
        assert_unavailable(answer)
        assert seconds < DEADLINE, (name, seconds)


def test_a_write_to_a_locked_sqlite_file_answers_503_within_its_lock_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERLEARNING_SQLITE_LOCK_TIMEOUT", "2")
    with api_on(sqlite_url(tmp_path)) as (services, team):
        series_id = str(team.announce().json["id"])
        holder = sqlite3.connect(services.settings.sqlite_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            answer, seconds = timed(
                lambda: team.patch(f"/peer-learnings/{series_id}", {"title": "Neu"})
            )
        finally:
            holder.execute("ROLLBACK")
            holder.close()

    assert_unavailable(answer)
    assert seconds < DEADLINE
