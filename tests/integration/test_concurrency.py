"""Conflicting commands on one series from several threads: no update is lost."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import replace
from uuid import UUID

import pytest

from application.app import PeerLearningApp
from peerlearning.bootstrap import open_application
from store.settings import StoreSettings, store_settings
from tests.integration.concurrency import Outcome, run_threads
from tests.integration.helpers import recorded_events
from tests.support.samples import announce

AppFor = Callable[[int], PeerLearningApp]


PROCESSES = 6


@pytest.fixture(params=["one shared app", "an app per process"])
def apps(request: pytest.FixtureRequest, app: PeerLearningApp, store_url: str) -> Iterator[AppFor]:
    """Threads share one app, or each of six "processes" opens its own at the same moment."""
    if request.param == "one shared app":
        yield lambda _: app
        return
    opening: dict[int, Future[PeerLearningApp]] = {}
    guard = threading.Lock()

    def app_of_process(thread: int) -> PeerLearningApp:
        with guard:
            opens_it = thread % PROCESSES not in opening
            future = opening.setdefault(thread % PROCESSES, Future())
        if opens_it:
            try:
                future.set_result(open_application(small_pools(store_url)))
            except BaseException as error:
                future.set_exception(error)
        return future.result(timeout=60)

    yield app_of_process
    for future in opening.values():
        if future.exception() is None:
            future.result().close()


def small_pools(store_url: str) -> StoreSettings:
    settings = store_settings(store_url)
    pools = {"POSTGRES_POOL_SIZE": "2", "POSTGRES_MAX_OVERFLOW": "2"}
    return replace(settings, env={**settings.env, **pools})


def check_nothing_lost(app: PeerLearningApp, series_id: UUID, outcome: Outcome, total: int) -> None:
    assert outcome.errors == []
    assert len(outcome.scheduled) + len(outcome.conflicts) == total
    series = app.series(series_id)
    assert series.version == 1 + len(outcome.scheduled)
    recorded = recorded_events(app, series.id)
    assert len(recorded) - 1 == len(outcome.scheduled)
    assert {str(m) for m in outcome.scheduled} == set(series.meetings)
    for meeting_id, day in outcome.scheduled.items():
        assert series.meeting(meeting_id).starts_at.date() == day


def test_conflicting_commands_lose_no_update(app: PeerLearningApp, apps: AppFor) -> None:
    series_id = announce(app)
    outcome = run_threads(apps, series_id, threads=6, commands=10)
    check_nothing_lost(app, series_id, outcome, total=60)
    assert outcome.scheduled, "no command succeeded"
    print(outcome.summary())


@pytest.mark.heavy
def test_many_threads_lose_no_update(app: PeerLearningApp, apps: AppFor) -> None:
    series_id = announce(app)
    outcome = run_threads(apps, series_id, threads=16, commands=25)
    check_nothing_lost(app, series_id, outcome, total=400)
    print(outcome.summary())
