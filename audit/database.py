"""The audit's own tables live in the application's store and use its connections."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import OperationalError
from eventsourcing.sqlite import SQLiteDatastore

Row = tuple[Any, ...]


class Tx:
    """One transaction; SQL uses `?` placeholders and `{table}` names on both stores."""

    def __init__(self, cursor: Any, dialect: str) -> None:
        self.cursor = cursor
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        if self.dialect == "sqlite":
            self.cursor.execute(sql, tuple(params))
            return [tuple(row) for row in self.cursor.fetchall()]
        self.cursor.execute(sql.replace("?", "%s"), tuple(params))
        if self.cursor.description is None:
            return []
        return [tuple(row.values()) for row in self.cursor.fetchall()]


class StoreDatabase:
    """Transactions on the store the application's events are in (SQLite file or PG schema)."""

    def __init__(self, app: Application[UUID]) -> None:
        self.datastore: Any = app.recorder.datastore  # type: ignore[attr-defined]
        self.dialect = "sqlite" if isinstance(self.datastore, SQLiteDatastore) else "postgresql"

    def table(self, name: str) -> str:
        return name if self.dialect == "sqlite" else f'"{self.datastore.schema}".{name}'

    @property
    def blob(self) -> str:
        return "BLOB" if self.dialect == "sqlite" else "BYTEA"

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Tx]:
        if self.dialect == "sqlite":
            with self._sqlite_transaction(write) as tx:
                yield tx
            return
        with self.datastore.transaction(commit=write) as cursor:
            yield Tx(cursor, self.dialect)

    @contextmanager
    def _sqlite_transaction(self, write: bool) -> Iterator[Tx]:
        """Writers take the lock up front, so two processes never deadlock upgrading."""
        with self.datastore.get_connection(commit=write) as conn:
            cursor = conn.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield Tx(cursor, "sqlite")
                except BaseException:
                    conn.rollback()
                    raise
                if write:
                    conn.commit()
                else:
                    conn.rollback()
            except sqlite3.OperationalError as error:  # locked or gone: the caller may retry
                raise OperationalError(str(error)) from error

    def reclaim(self, name: str) -> None:
        """Lets no deleted row linger: WAL checkpoint (SQLite) or VACUUM (PostgreSQL)."""
        if self.dialect == "sqlite":
            with self.datastore.get_connection(commit=True) as conn:
                conn.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return
        with self.datastore.get_connection() as conn:
            previous, conn.autocommit = conn.autocommit, True
            try:
                conn.execute(f"VACUUM {self.table(name)}")
            finally:
                conn.autocommit = previous
