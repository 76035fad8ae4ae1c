"""Snapshots for long streams, and reading a series as it was at an old version."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from application.app import PeerLearningApp
from tests.support.samples import announce, schedule


def toggle_joining(app: PeerLearningApp, series_id: UUID, times: int) -> None:
    for turn in range(times):
        app.set_joining(series_id, open=turn % 2 == 1, actor="anna")


def test_long_streams_are_snapshotted(app: PeerLearningApp) -> None:
    series_id = announce(app)
    toggle_joining(app, series_id, 120)
    assert app.snapshots is not None
    versions = [s.originator_version for s in app.snapshots.get(series_id)]
    assert versions == [50, 100]
    series = app.series(series_id)
    assert (series.version, series.joining_open) == (121, True)


def test_reading_at_an_old_version_works_across_snapshots(app: PeerLearningApp) -> None:
    series_id = announce(app)
    meeting_id = schedule(app, series_id, "exchange", date(2024, 11, 5))
    toggle_joining(app, series_id, 59)
    assert app.series(series_id, version=1).meetings == {}
    assert list(app.series(series_id, version=2).meetings) == [str(meeting_id)]
    assert app.series(series_id, version=3).joining_open is False
    assert app.series(series_id, version=50).joining_open is True
    assert app.series(series_id, version=51).joining_open is False
    assert app.series(series_id, version=61).version == 61
