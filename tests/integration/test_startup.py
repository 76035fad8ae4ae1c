"""Processes starting together on one store: each opens, none trips over another."""

from __future__ import annotations

import threading

import psycopg
import pytest

from application.app import PeerLearningApp
from peerlearning.bootstrap import open_application
from store import startup
from store.errors import StoreUnavailable
from store.preparation import prepare_store
from store.settings import postgres_conninfo, store_settings
from tests.support.samples import announce
from tests.support.stores import postgres_schema


def test_applications_starting_at_the_same_moment_all_open(store_url: str) -> None:
    prepare_store(store_settings(store_url))  # the schema exists, as after the first deployment
    start, opened, errors = threading.Barrier(8), [], []

    def open_one() -> None:
        try:
            start.wait(timeout=30)
            opened.append(open_application(store_settings(store_url)))
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=open_one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    apps: list[PeerLearningApp] = opened
    try:
        assert errors == [] and len(apps) == 8
        series_id = announce(apps[0])
        assert all(app.series(series_id).version == 1 for app in apps)
    finally:
        for app in apps:
            app.close()


def test_a_start_up_stuck_elsewhere_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup, "WAIT_SECONDS", 1)
    with postgres_schema() as url:
        env = store_settings(url).env
        with psycopg.connect(postgres_conninfo(env), autocommit=True) as elsewhere:
            key = f"startup/{env['POSTGRES_SCHEMA']}"
            elsewhere.execute("SELECT pg_advisory_lock(hashtext(%s))", (key,))
            with pytest.raises(StoreUnavailable, match="preparing schema t_.* for 1s"):
                PeerLearningApp(env=env)
