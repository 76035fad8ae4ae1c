"""Changes the stored log behind the application's back, as an attacker with SQL would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from eventsourcing.sqlite import SQLiteApplicationRecorder

from store.db import Tx
from store.settings import StoreSettings, psycopg_conninfo


@contextmanager
def raw_transaction(settings: StoreSettings) -> Iterator[Tx]:
    """A connection of its own, straight to the database, as an attacker would open."""
    if settings.is_sqlite:
        conn: Any = sqlite3.connect(settings.sqlite_path)
        with conn:
            yield Tx(conn.cursor(), "sqlite")
        conn.close()
        return
    options = f" options='-c search_path={settings.schema}'" if settings.schema else ""
    with psycopg.connect(psycopg_conninfo(settings) + options) as conn:
        yield Tx(conn.cursor(), "postgres")


def _table_and_position(app: Any) -> tuple[str, str]:
    table = app.recorder.events_table_name
    is_sqlite = isinstance(app.recorder, SQLiteApplicationRecorder)
    return table, "rowid" if is_sqlite else "notification_id"


def flip_one_byte(settings: StoreSettings, app: Any, position: int, index: int = 20) -> None:
    table, column = _table_and_position(app)
    with raw_transaction(settings) as tx:
        (state,) = tx.fetchone(f"SELECT state FROM {table} WHERE {column} = ?", (position,))
        changed = bytearray(bytes(state))
        changed[index] ^= 0x01
        tx.execute(f"UPDATE {table} SET state = ? WHERE {column} = ?", (bytes(changed), position))


def delete_event(settings: StoreSettings, app: Any, position: int) -> None:
    table, column = _table_and_position(app)
    with raw_transaction(settings) as tx:
        tx.execute(f"DELETE FROM {table} WHERE {column} = ?", (position,))


def every_table_text(settings: StoreSettings) -> str:
    """Every row of every table in the store, as one text to search."""
    with raw_transaction(settings) as tx:
        names = _table_names(tx, tx.dialect, settings.schema)
        rows = [tx.fetchall(f'SELECT * FROM "{name}"') for name in names]
    return "\n".join(_text(value) for table in rows for row in table for value in row)


def _table_names(tx: Tx, dialect: str, schema: str | None) -> list[str]:
    if dialect == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
        return [r[0] for r in tx.fetchall(query)]
    query = "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
    return [r[0] for r in tx.fetchall(query, (schema or "public",))]


def _text(value: Any) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return str(value)
