"""Readiness turns 503 with the reason for a store that does not answer, a stuck view and a
silent scheduler, and back to 200 once the cause is gone; liveness answers throughout."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services, bootstrap, open_application
from peerlearning.http_app import create_app
from scheduler.heartbeat import Heartbeat
from store.settings import store_settings
from tests.projections.faulty import JoinsView
from tests.projections.test_inline import enrolment
from tests.support.clock import FakeClock
from tests.support.samples import announce
from tests.support.stores import postgres_conninfo

CONFIG = {
    "TESTING": True,
    "PEERLEARNING_READY_SCHEDULER_SECONDS": "120",
    "PEERLEARNING_READY_STORE_SECONDS": "1",
}


@pytest.fixture
def joins() -> JoinsView:
    return JoinsView()


@pytest.fixture
def watched(
    store_url: str, clock: FakeClock, joins: JoinsView, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Services]:
    monkeypatch.setenv("PEERLEARNING_SQLITE_LOCK_TIMEOUT", "1")
    built = bootstrap(store_settings(store_url), clock=clock, extra_views=[joins])
    yield built
    built.close()


@pytest.fixture
def client(watched: Services) -> FlaskClient:
    return create_app(CONFIG, services=watched).test_client()


def ready(client: FlaskClient) -> tuple[int, list[str]]:
    answer = client.get("/health/ready")
    body: dict[str, Any] = answer.get_json()
    return answer.status_code, body["reasons"]


@contextmanager
def store_held(services: Services) -> Iterator[None]:
    """Another connection holds the store so that no transaction can begin."""
    if services.settings.is_sqlite:
        holder = sqlite3.connect(services.settings.sqlite_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    with psycopg.connect(postgres_conninfo()) as conn:
        table = f"{services.settings.schema}.view_tracking"
        conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        yield
        conn.rollback()


def test_a_silent_scheduler_makes_it_not_ready_and_a_tick_ready_again(
    client: FlaskClient, watched: Services, clock: FakeClock
) -> None:
    """Ticks are written as a scheduler's sweep writes them (test_metrics runs a real one)."""
    heartbeat = Heartbeat(watched.db, clock)
    assert ready(client) == (503, ["no scheduler has ticked yet"])
    heartbeat.tick("first")
    assert ready(client) == (200, [])
    clock.advance(timedelta(seconds=121))
    status, reasons = ready(client)
    assert status == 503 and reasons[0].startswith("the scheduler last ticked 121 s ago")
    assert client.get("/health/live").status_code == 200
    heartbeat.tick("second")
    assert ready(client) == (200, [])


def test_a_store_that_does_not_answer_and_a_stuck_view(
    client: FlaskClient, watched: Services, joins: JoinsView, store_url: str, clock: FakeClock
) -> None:
    Heartbeat(watched.db, clock).tick("only")
    assert ready(client) == (200, [])
    with store_held(watched):
        status, reasons = ready(client)
        assert client.get("/health/live").status_code == 200
    assert status == 503 and reasons[0].startswith("the store does not answer")
    assert ready(client) == (200, [])

    enrollment_id = enrolment(watched)
    joins.broken = "Eva Weiß"
    elsewhere = open_application(store_settings(store_url), clock=clock)
    try:
        elsewhere.join(enrollment_id, "Eva Weiß", "eva@olpe.example", actor="eva")
    finally:
        elsewhere.close()
    watched.projector.catch_up()
    status, reasons = ready(client)
    assert status == 503 and reasons == [f"view joins is stuck at position {head(watched)}"]
    assert "Eva" not in client.get("/health/ready").get_data(as_text=True)
    joins.broken = None
    watched.projector.catch_up()
    assert ready(client) == (200, [])


def head(services: Services) -> int:
    return services.app.recorder.max_notification_id() or 0


def test_a_view_lagging_beyond_the_setting_and_caught_up(
    watched: Services, store_url: str, clock: FakeClock
) -> None:
    client = create_app({**CONFIG, "PEERLEARNING_READY_MAX_LAG": "1"}, services=watched)
    probe = client.test_client()
    Heartbeat(watched.db, clock).tick("only")
    elsewhere = open_application(store_settings(store_url), clock=clock)  # records without views
    try:
        for title in ("Reihe A", "Reihe B"):
            announce(elsewhere, title=title)
    finally:
        elsewhere.close()
    status, reasons = ready(probe)
    assert status == 503 and reasons == [
        f"view {name} lags 2 events (limit 1)" for name in view_names(watched)
    ]
    watched.projector.catch_up()
    assert ready(probe) == (200, [])


def view_names(services: Services) -> list[str]:
    return [view["view"] for view in services.projector.health()]
