"""Other processes: their events are picked up, and a killed projector loses nothing."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path
from uuid import UUID

import psycopg
import pytest

from peerlearning.bootstrap import Services, bootstrap, open_application
from projections.rebuild import rebuild
from store.db import ViewDb
from store.errors import StoreUnavailable
from store.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.samples import announce
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]


def worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.projections.worker", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_the_poller_picks_up_another_process(services: Services, store_url: str) -> None:
    services.start_polling(interval=0.1)
    writer = worker("write", store_url, "3")
    out, _ = writer.communicate(timeout=60)
    series_id = UUID(out.strip())

    def caught_up() -> bool:  # the writer's commands land one by one; wait for the last
        detail = services.views.series_detail(series_id)
        return detail is not None and detail["version"] == 4

    wait_until(caught_up)
    detail = services.views.series_detail(series_id)
    assert detail is not None and detail["joining_open"] is False


def test_a_killed_projector_resumes_without_double_counting(store_url: str) -> None:
    app = open_application(store_settings(store_url))
    series_id = announce(app)
    for i in range(400):
        app.set_joining(series_id, open=bool(i % 2), actor="anna")
    last = app.recorder.max_notification_id()
    projector = worker("project", store_url)
    db = ViewDb(store_settings(store_url))
    try:
        wait_until(lambda: _position(db) >= 50)
        projector.send_signal(signal.SIGKILL)
        projector.wait(timeout=10)
        stopped_at = _position(db)
        assert 50 <= stopped_at < last, "the projector should die mid-stream"
    finally:
        db.close()
        app.close()
    services = bootstrap(store_settings(store_url), clock=FakeClock())
    try:
        detail = services.views.series_detail(series_id, on=date(2024, 9, 20))
        assert detail is not None and detail["version"] == 401
        report = rebuild(services.projector, show_progress=False)
        assert report.compared and report.ok, report.differences
    finally:
        services.close()


def _position(db: ViewDb) -> int:
    try:
        with db.transaction() as tx:
            found = tx.fetchone("SELECT position FROM view_tracking WHERE name = 'views/catalogue'")
    except (StoreUnavailable, psycopg.errors.UndefinedTable):  # no tables yet
        return 0
    return int(found[0]) if found else 0


def test_an_unknown_event_is_skipped_and_later_events_apply(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    first = announce(services.app, title="Erste Reihe")
    _insert_foreign_event(services)
    with caplog.at_level(logging.WARNING):
        second = announce(services.app, title="Zweite Reihe")
    assert services.views.series_detail(first) is not None
    assert services.views.series_detail(second) is not None
    assert "Skipped unreadable event" in caplog.text


def _insert_foreign_event(services: Services) -> None:
    from eventsourcing.persistence import StoredEvent

    stored = StoredEvent(
        originator_id=UUID("00000000-0000-4000-8000-000000000001"),
        originator_version=1,
        topic="retired.module:RetiredAggregate.Happened",
        state=b'{"x": 1}',
    )
    services.app.recorder.insert_events([stored])
