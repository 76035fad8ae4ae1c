"""A backup taken while commands are written, the store lost, the backup restored: the chain
verifies, the views equal a rebuild, and every command acknowledged before the backup began
is there."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path
from uuid import UUID

import psycopg
import pytest

from peerlearning.bootstrap import open_application
from peerlearning.cli import main
from store.settings import StoreSettings, store_settings
from tests.audit.tampering import flip_one_byte
from tests.support.clock import FakeClock
from tests.support.samples import announce
from tests.support.stores import postgres_conninfo


class Writer(threading.Thread):
    """Announces series one after another until told to stop; notes each acknowledged id."""

    def __init__(self, store_url: str) -> None:
        super().__init__(daemon=True)
        self.store_url = store_url
        self.acknowledged: list[UUID] = []
        self.stop = threading.Event()
        self.enough = threading.Event()

    def run(self) -> None:
        app = open_application(store_settings(self.store_url), clock=FakeClock())
        try:
            while not self.stop.is_set():
                self.acknowledged.append(announce(app, title=f"Reihe {len(self.acknowledged)}"))
                if len(self.acknowledged) >= 5:
                    self.enough.set()
        finally:
            app.close()


def lose(settings: StoreSettings) -> None:
    if settings.is_sqlite:
        for suffix in ("", "-wal", "-shm"):
            Path(settings.sqlite_path + suffix).unlink(missing_ok=True)
        return
    with psycopg.connect(postgres_conninfo(), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{settings.schema}" CASCADE')


def test_a_backup_under_load_restores_with_every_acknowledged_write(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app: object
) -> None:
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", store_url)
    writer = Writer(store_url)
    writer.start()
    assert writer.enough.wait(60), "the writer got going"
    before = list(writer.acknowledged)
    copy = tmp_path / "backup.copy"
    try:
        assert main(["backup", "--output", str(copy)]) == 0
    finally:
        writer.stop.set()
        writer.join(60)
    assert len(writer.acknowledged) > len(before)

    settings = store_settings(store_url)
    lose(settings)
    assert main(["restore", str(copy)]) == 0

    restored = open_application(settings, clock=FakeClock())
    try:
        missing = [i for i in before if restored.repository.get(i) is None]
    finally:
        restored.close()
    assert missing == []


def test_a_restore_of_a_tampered_log_is_not_reported_as_a_success(
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", store_url)
    settings = store_settings(store_url)
    app = open_application(settings, clock=FakeClock())
    try:
        for title in ("Reihe A", "Reihe B"):
            announce(app, title=title)
        flip_one_byte(settings, app, position=1)
    finally:
        app.close()
    copy = tmp_path / "tampered.copy"
    assert main(["backup", "--output", str(copy)]) == 0
    lose(settings)
    assert main(["restore", str(copy)]) == 1
    assert "BROKEN chain at position 1" in capsys.readouterr().out


def events_in(settings: StoreSettings) -> int:
    app = open_application(settings, clock=FakeClock())
    try:
        return len(app.recorder.select_notifications(start=1, limit=1000))
    finally:
        app.close()


def one_series_in(store_url: str, monkeypatch: pytest.MonkeyPatch) -> StoreSettings:
    """The store the commands run on, holding one series."""
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", store_url)
    settings = store_settings(store_url)
    app = open_application(settings, clock=FakeClock())
    try:
        announce(app, title="Reihe A")
    finally:
        app.close()
    return settings


def test_a_restore_from_no_backup_changes_nothing_and_says_what_to_give(
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = one_series_in(store_url, monkeypatch)
    recorded = events_in(settings)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a backup at all\n" * 100)
    mistyped = tmp_path / "typo-backup.db"

    assert main(["restore", str(mistyped)]) == 2
    assert "is no file" in capsys.readouterr().out
    assert not mistyped.exists()
    assert main(["restore", str(garbage)]) != 0
    assert events_in(settings) == recorded > 0


def test_a_restore_from_another_sqlite_database_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store_url = f"sqlite:///{tmp_path / 'store.db'}"
    settings = one_series_in(store_url, monkeypatch)
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")

    assert main(["restore", str(other)]) == 2
    assert "no backup of a Peer-Learnings store" in capsys.readouterr().out
    assert events_in(settings) > 0


def test_a_backup_into_a_missing_folder_says_so(
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", store_url)
    open_application(store_settings(store_url), clock=FakeClock()).close()

    assert main(["backup", "--output", str(tmp_path / "nowhere" / "copy.db")]) == 2
    assert "There is no folder" in capsys.readouterr().out
