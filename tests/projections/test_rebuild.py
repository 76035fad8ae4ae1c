"""Rebuilding in one process, in small batches, into shadow tables: on both stores."""

from __future__ import annotations

from uuid import UUID

import pytest

from peerlearning.bootstrap import Services
from peerlearning.cli import main
from projections import shadow
from projections.rebuild import rebuild
from tests.projections.test_views import run_series_to_close
from tests.support.clock import FakeClock
from tests.support.samples import announce


def test_rows_forgotten_between_batches_are_read_back_from_the_shadow_tables(
    services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_series_to_close(services, clock)
    monkeypatch.setattr(shadow, "READ_BATCH", 3)
    monkeypatch.setattr(shadow, "KEEP_ROWS", 1)
    report = rebuild(services.projector, show_progress=False)
    assert report.compared and report.ok, report.differences
    assert report.events == services.app.recorder.max_notification_id()


def test_a_later_rebuild_supersedes_an_earlier_one(services: Services, clock: FakeClock) -> None:
    run_series_to_close(services, clock)
    tables = services.projector.tables
    earlier = shadow._start(services.db, "views/rebuild", tables)
    later = shadow._start(services.db, "views/rebuild", tables)
    with services.db.transaction(write=True) as tx:
        later.check(tx)
    with pytest.raises(shadow.RebuildSuperseded), services.db.transaction(write=True) as tx:
        earlier.check(tx)


def test_commands_during_a_rebuild_reach_the_rebuilt_views(
    services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_series_to_close(services, clock)
    batches = shadow._batches
    during: list[UUID] = []

    def with_a_command_between(*args: object) -> object:
        for number, events in enumerate(batches(*args)):  # type: ignore[arg-type]
            if number == 0:
                during.append(announce(services.app, title="Während des Umbaus"))
            yield events

    monkeypatch.setattr(shadow, "READ_BATCH", 4)
    monkeypatch.setattr(shadow, "_batches", with_a_command_between)
    services.projector.rebuild()
    head = services.app.recorder.max_notification_id()
    assert set(services.projector.positions().values()) == {head}
    detail = services.views.series_detail(during[0])
    assert detail is not None and detail["title"] == "Während des Umbaus"


def test_the_help_of_rebuild_says_what_it_does_and_what_its_exit_status_means(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["rebuild", "--help"])

    assert done.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "from the event log" in shown
    assert "while the service keeps running" in shown
    assert "the event log is only read, and the audit chain is not rebuilt" in shown
    assert "Exit status 0" in shown and "1 when they differ" in shown
    assert "without a progress bar" in shown
