"""The audit's own tables live in the application's store and use its connections."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import OperationalError
from eventsourcing.sqlite import SQLiteDatastore

from store.wiping import (
    forget_samples,
    rewrite,
    rewrite_statistics,
    truncate_write_ahead_log,
)

Row = tuple[Any, ...]

SECURE_DELETE = "PRAGMA secure_delete = ON"
"""SQLite overwrites deleted and overwritten content with zeros on a connection that says so;
every connection that writes personal data or its keys does."""


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

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Rows of a query, also in pipeline mode (where a result's shape is known only once
        it is fetched)."""
        if self.dialect == "sqlite":
            return self.execute(sql, params)
        self.cursor.execute(sql.replace("?", "%s"), tuple(params))
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
        if not write:  # at READ COMMITTED a BEGIN adds no snapshot, only round trips
            with self.datastore.get_connection() as conn, conn.cursor() as cursor:
                yield Tx(cursor, self.dialect)
            return
        with self.datastore.transaction(commit=write) as cursor:
            yield Tx(cursor, self.dialect)

    @contextmanager
    def _sqlite_transaction(self, write: bool) -> Iterator[Tx]:
        """Writers take the lock up front, so two processes never deadlock upgrading."""
        with self.datastore.get_connection(commit=write) as conn:
            cursor = conn.cursor()
            try:
                if write:
                    cursor.execute(SECURE_DELETE)
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

    def existing(self, names: Sequence[str]) -> list[str]:
        """Those of the named tables that exist in this store (views are made by their
        projector, which a process may not run)."""
        with self.transaction() as tx:
            if self.dialect == "sqlite":
                found = tx.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                present = {str(row[0]) for row in found}
                return [name for name in names if name in present]
            return [n for n in names if tx.execute("SELECT to_regclass(?)", (self.table(n),))[0][0]]

    def reclaim(self, names: Sequence[str], samples: Mapping[str, Sequence[str]]) -> None:
        """Leaves no freed copy of a deleted or overwritten row in the store.

        SQLite: secure deletion already zeroed the freed bytes in the pages; the write-ahead
        log still holds older images of those pages, so it is written back into the file and
        truncated to nothing. PostgreSQL: an update leaves the old row version in its page,
        and plain VACUUM only marks its space free, so the tables are rewritten (VACUUM FULL)
        into new files, their TOAST tables and indexes with them. ANALYZE keeps real values
        of the `samples` columns in pg_statistic: those are dropped and no longer taken.
        """
        if self.dialect == "sqlite":
            truncate_write_ahead_log(self.datastore)
            return
        present = self.existing(names)
        sampled = {name: columns for name, columns in samples.items() if name in present}
        dropped = forget_samples(self.datastore, self.datastore.schema, sampled)
        rewrite(self.datastore, [self.table(name) for name in present])
        if dropped:
            rewrite_statistics(self.datastore)
