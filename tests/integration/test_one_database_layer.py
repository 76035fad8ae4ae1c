"""The one database layer: the same SQL through the views' own connections and through the
application's, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from eventsourcing.persistence import OperationalError
from psycopg.pq import TransactionStatus

from application.app import PeerLearningApp
from peerlearning.bootstrap import open_application
from store.app_db import AppDb
from store.db import Db, ViewDb
from store.errors import StoreUnavailable
from store.inline import StoreTx
from store.settings import StoreSettings, psycopg_conninfo, store_settings


@pytest.fixture
def settings(store_url: str) -> StoreSettings:
    found = store_settings(store_url)
    found.env["SQLITE_LOCK_TIMEOUT"] = "1"  # a writer waits this long for another's lock
    return found


@pytest.fixture
def app(settings: StoreSettings) -> Iterator[PeerLearningApp]:
    opened = open_application(settings)
    yield opened
    opened.close()


@pytest.fixture
def views(settings: StoreSettings) -> Iterator[ViewDb]:
    db = ViewDb(settings)
    yield db
    db.close()


def test_both_ways_in_run_the_same_sql_and_read_tuples(app: PeerLearningApp, views: ViewDb) -> None:
    dbs: list[Db] = [views, AppDb(app)]
    for number, db in enumerate(dbs):
        name = f"probe_{number}"
        with db.transaction(write=True) as tx:
            tx.execute(f"CREATE TABLE {db.table(name)} (id TEXT PRIMARY KEY, data {db.blob})")
            tx.executemany(
                f"INSERT INTO {db.table(name)} VALUES (?, ?)", [("a", b"1"), ("b", b"2")]
            )
        with db.transaction() as tx:
            rows = tx.fetchall(f"SELECT id, data FROM {db.table(name)} WHERE id > ?", ("a",))
            one = tx.fetchone(f"SELECT id FROM {db.table(name)} WHERE id = ?", ("a",))
        assert [(row[0], bytes(row[1])) for row in rows] == [("b", b"2")]
        assert type(rows[0]) is tuple and one == ("a",)
        assert db.existing([name, "no_such_table"]) == [name]


def test_an_error_in_a_transaction_writes_nothing(app: PeerLearningApp) -> None:
    db = AppDb(app)
    with db.transaction(write=True) as tx:
        tx.execute(f"CREATE TABLE {db.table('probe')} (id TEXT PRIMARY KEY)")
    with pytest.raises(RuntimeError), db.transaction(write=True) as tx:
        tx.execute(f"INSERT INTO {db.table('probe')} VALUES (?)", ("a",))
        raise RuntimeError
    with db.transaction() as tx:
        assert tx.fetchall(f"SELECT id FROM {db.table('probe')}") == []


@pytest.fixture
def secure_delete_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """New SQLite connections start with secure deletion off, as in builds without
    SQLITE_SECURE_DELETE."""
    connect = sqlite3.connect

    def insecure(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", insecure)


def test_sqlite_writers_lock_the_file_at_begin_and_wipe_what_they_free(
    secure_delete_off: None, app: PeerLearningApp, views: ViewDb
) -> None:
    if views.dialect != "sqlite":
        pytest.skip("SQLite's lock and secure deletion")
    borrowed = AppDb(app)
    with borrowed.transaction(write=True) as tx:
        assert tx.fetchone("PRAGMA secure_delete") == (1,)
        with pytest.raises(StoreUnavailable), views.transaction(write=True):
            pass
    with views.transaction(write=True) as tx:
        assert tx.fetchone("PRAGMA secure_delete") == (1,)
        with pytest.raises(OperationalError), borrowed.transaction(write=True):
            pass


def test_on_postgresql_only_writes_begin_on_the_applications_connections(
    app: PeerLearningApp,
) -> None:
    db = AppDb(app)
    if db.dialect != "postgres":
        pytest.skip("PostgreSQL's transactions")
    with db.transaction() as tx:
        tx.fetchone("SELECT 1")
        assert tx.cursor.connection.info.transaction_status == TransactionStatus.IDLE
    with db.transaction(write=True) as tx:
        tx.fetchone("SELECT 1")
        assert tx.cursor.connection.info.transaction_status == TransactionStatus.INTRANS


def test_the_recorders_transaction_speaks_the_same_sql_in_pipeline_mode(
    settings: StoreSettings, app: PeerLearningApp
) -> None:
    if settings.is_sqlite:
        pytest.skip("PostgreSQL's pipeline mode")
    table = f'"{settings.schema}".probe'
    with psycopg.connect(psycopg_conninfo(settings)) as conn, conn.pipeline():
        tx = StoreTx("postgres", conn).tx()
        tx.execute(f"CREATE TABLE {table} (id TEXT PRIMARY KEY, n INTEGER)")
        tx.executemany(f"INSERT INTO {table} VALUES (?, ?)", [("a", 1), ("b", 2), ("c", 3)])
        assert tx.fetchall(f"SELECT id FROM {table} WHERE n >= ? ORDER BY id", (2,)) == [
            ("b",),
            ("c",),
        ]
        conn.rollback()
