"""A store made ready before any pool opens: a SQLite file in WAL mode, or the PostgreSQL
schema the URL names."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

from runtime.errors import SettingError
from store.settings import StoreSettings, describe, psycopg_conninfo


def prepare_store(settings: StoreSettings) -> None:
    """Puts a SQLite file in WAL mode, or creates the PostgreSQL schema named in the URL."""
    if settings.is_sqlite:
        _use_write_ahead_log(settings)
        return
    if not settings.schema:
        return
    import psycopg

    try:
        with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{settings.schema}"')
    except psycopg.errors.UniqueViolation:
        return  # another process created it at the same moment
    except psycopg.Error as error:
        raise SettingError(
            f"{describe(settings)} cannot be reached: {str(error).strip()}"
        ) from error


def _use_write_ahead_log(settings: StoreSettings) -> None:
    """Switches the file to WAL once, before any pool does.

    Changing the journal mode ignores SQLite's busy timeout, so processes opening a new file at
    the same moment would fail with "database is locked"; here they wait their turn.
    """
    deadline = time.monotonic() + float(settings.env.get("SQLITE_LOCK_TIMEOUT", "5"))
    while True:
        try:
            with closing(sqlite3.connect(settings.sqlite_path, timeout=1)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.DatabaseError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise SettingError(f"{describe(settings)} cannot be used: {error}") from error
            time.sleep(0.05)
