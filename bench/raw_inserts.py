"""The physical baseline of a write: one single-row insert transaction, same driver and settings."""

from __future__ import annotations

import os
import sqlite3
from typing import Any, Protocol

import psycopg

from store.settings import StoreSettings, psycopg_conninfo

TABLE = "bench_raw_inserts"
PAYLOAD = os.urandom(300).hex()  # about the size of one stored event's state


class RawInserts(Protocol):
    def insert(self, number: int) -> None: ...

    def close(self) -> None: ...


class SqliteInserts:
    """sqlite3 with WAL and the `synchronous` level the event store's connection uses."""

    def __init__(self, path: str, synchronous: int) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute(f"PRAGMA synchronous={int(synchronous)}")
        self.conn.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY, tag TEXT, body TEXT)"
        )

    def insert(self, number: int) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(f"INSERT INTO {TABLE} (tag, body) VALUES (?, ?)", (str(number), PAYLOAD))
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class PostgresInserts:
    """psycopg 3 with the server's durability settings (synchronous_commit as configured)."""

    def __init__(self, settings: StoreSettings) -> None:
        options = f" options='-c search_path={settings.schema}'" if settings.schema else ""
        self.conn = psycopg.connect(psycopg_conninfo(settings) + options)
        self.conn.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (id BIGSERIAL PRIMARY KEY, tag TEXT, body TEXT)"
        )
        self.conn.commit()

    def insert(self, number: int) -> None:
        self.conn.execute(
            f"INSERT INTO {TABLE} (tag, body) VALUES (%s, %s)", (str(number), PAYLOAD)
        )
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


def sqlite_synchronous(app: Any) -> int:
    """The `synchronous` level of the event store's own connection."""
    with app.recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute("PRAGMA synchronous")
        return int(cursor.fetchone()[0])


def raw_inserts(settings: StoreSettings, synchronous: int = 2) -> RawInserts:
    if settings.is_sqlite:
        return SqliteInserts(settings.sqlite_path, synchronous)
    return PostgresInserts(settings)
