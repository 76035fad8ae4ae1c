"""A restore is refused while `peerlearning serve` runs on the store, and nothing changes; once
the service has stopped, the same restore goes through. A backup never writes over the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerlearning.bootstrap import open_application
from peerlearning.cli import main
from store.settings import StoreSettings, store_settings
from tests.e2e.server import serving
from tests.support.clock import FakeClock
from tests.support.samples import announce


def announce_one(settings: StoreSettings, title: str) -> None:
    app = open_application(settings, clock=FakeClock())
    try:
        announce(app, title=title)
    finally:
        app.close()


def events_in(settings: StoreSettings) -> int:
    app = open_application(settings, clock=FakeClock())
    try:
        return len(app.recorder.select_notifications(start=1, limit=1000))
    finally:
        app.close()


def test_a_restore_is_refused_while_a_service_runs_on_the_store(
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", store_url)
    settings = store_settings(store_url)
    announce_one(settings, "Reihe A")
    copy = tmp_path / "backup.copy"

    with serving("--no-scheduler", env={"PEERLEARNING_DATABASE_URL": store_url}):
        assert main(["backup", "--output", str(copy)]) == 0
        announce_one(settings, "Reihe B")
        recorded = events_in(settings)
        capsys.readouterr()
        assert main(["restore", str(copy)]) == 2
        refusal = capsys.readouterr().err
        assert "is running on the store" in refusal
        assert "stop it first" in refusal
        assert events_in(settings) == recorded

    assert main(["restore", str(copy)]) == 0
    assert events_in(settings) < recorded


def test_a_backup_onto_the_sqlite_store_itself_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store.db"
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", f"sqlite:///{store}")
    settings = store_settings(f"sqlite:///{store}")
    announce_one(settings, "Reihe A")
    recorded = events_in(settings)
    (tmp_path / "link.db").symlink_to(store)

    for target in (store, tmp_path / "." / "store.db", tmp_path / "link.db"):
        assert main(["backup", "--output", str(target)]) == 2
        assert "is the store itself" in capsys.readouterr().out
    assert events_in(settings) == recorded
