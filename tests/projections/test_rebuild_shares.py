"""Rebuilding into shadow tables, in two processes when the log is long, on both stores."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from domain.reminders import ReminderDispatch
from peerlearning.bootstrap import Services
from peerlearning.settings import StoreSettings
from projections import helper as helper_module
from projections.claims import RANGES, RangeTaker, Reading, RebuildId, start_rebuild
from projections.helper import Helper
from projections.rebuild import rebuild
from projections.shares import (
    RebuildSuperseded,
    Share,
    plan_shares,
    rebuild_share,
    topic_counts,
)
from scheduler.dispatch_queries import DispatchQueries
from tests.projections.test_views import run_series_to_close
from tests.support.clock import FakeClock

DUE = datetime(2024, 9, 30, 8, tzinfo=UTC)
ON = date(2024, 10, 2)


def record_sent_reminders(services: Services, count: int) -> None:
    dispatches = []
    for number in range(count):
        dispatch = ReminderDispatch(
            purpose="reminder",
            peer_learning_id=uuid4(),
            meeting_id=uuid4(),
            schedule_version=1,
            offset="P1D",
            participant_id=uuid4(),
            due_at=DUE + timedelta(minutes=number),
            meeting_starts_at=DUE + timedelta(days=1),
            owner="scheduler-1",
            lease_until=DUE + timedelta(minutes=number + 5),
            actor="scheduler",
        )
        if number % 3:
            dispatch.record_sent(DUE + timedelta(minutes=number, seconds=2), late=False, actor="s")
        dispatches.append(dispatch)
    services.app.record(*dispatches)


def open_failing(settings: StoreSettings) -> Any:
    raise RuntimeError("this helper cannot open the store")


@pytest.fixture
def history(services: Services, clock: FakeClock) -> Services:
    run_series_to_close(services, clock)
    record_sent_reminders(services, 40)
    return services


def test_a_helper_process_rebuilds_a_share(
    history: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(helper_module, "PARALLEL_FROM", 0)
    finished: list[bool] = []
    original = helper_module.Running.finish

    def spied(self: helper_module.Running, progress: Any) -> bool:
        finished.append(original(self, progress))
        return finished[-1]

    monkeypatch.setattr(helper_module.Running, "finish", spied)
    report = rebuild(history.projector, show_progress=False)
    assert finished == [True]
    assert report.compared and report.ok, report.differences
    assert report.events == history.app.recorder.max_notification_id()
    assert len(DispatchQueries(history.db).listing()) == 40


def test_a_failing_helper_leaves_its_share_to_this_process(
    history: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(helper_module, "PARALLEL_FROM", 0)
    history.projector.helper = Helper(history.settings, open_failing)
    report = rebuild(history.projector, show_progress=False)
    assert report.compared and report.ok, report.differences


def started(history: Services) -> RebuildId:
    projector = history.projector
    stop = history.app.recorder.max_notification_id() or 0
    return start_rebuild(
        projector.db, projector.name, projector.tables, stop, projector.events_table()
    )


def shares_of(history: Services, rebuild: RebuildId) -> list[Share]:
    projector = history.projector
    counts = topic_counts(projector.db, rebuild.events_table, rebuild.stop)
    return plan_shares(projector.views, counts)


def test_a_later_rebuild_supersedes_an_earlier_one(history: Services) -> None:
    projector = history.projector
    earlier = started(history)
    started(history)
    share = shares_of(history, earlier)[0]
    with pytest.raises(RebuildSuperseded):
        rebuild_share(history.app, projector.db, share, earlier.stop, earlier.claim)
    assert rebuild(projector, show_progress=False).ok


def test_the_live_views_serve_until_the_rebuilt_ones_are_swapped_in(history: Services) -> None:
    projector, series = history.projector, history.views.catalogue(on=ON)[0]
    ongoing = started(history)
    for share in shares_of(history, ongoing):
        rebuild_share(history.app, projector.db, share, ongoing.stop, ongoing.claim)
    assert history.views.catalogue(on=ON)[0] == series
    assert len(DispatchQueries(history.db).listing()) == 40


def split_share_reading(history: Services, rebuild: RebuildId) -> tuple[Reading, int]:
    split = next(s for s in shares_of(history, rebuild) if s.per_originator)
    return Reading(history.projector.db, rebuild, split.topics or ()), split.events


def test_two_processes_take_every_range_once_and_read_every_event(history: Services) -> None:
    reading, events = split_share_reading(history, started(history))
    ascending = RangeTaker(reading)
    descending = RangeTaker(reading, descending=True)
    read: list[list[Any]] = []
    while batches := [b for b in (ascending(), descending()) if b is not None]:
        read.extend(batches)
    assert sorted(ascending.taken + descending.taken) == list(range(RANGES))
    assert descending.taken and ascending.taken
    ids = [n.id for batch in read for n in batch]
    assert len(ids) == len(set(ids)) == events == 40 + 26  # claims, and sent: two in three


def test_ranges_left_by_an_earlier_rebuild_are_taken_over(history: Services) -> None:
    earlier, _ = split_share_reading(history, started(history))
    assert RangeTaker(earlier)() is not None
    reading, _ = split_share_reading(history, started(history))
    taker = RangeTaker(reading)
    while taker() is not None:
        pass
    assert taker.taken == list(range(RANGES))
