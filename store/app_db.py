"""Transactions on the application's own datastore connections.

The audit's tables (keys, chain, server keys) and the tokens' last use live in the store the
events are in, and are written on the connections the application stores its events with:
no second pool, and on SQLite the same file lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import OperationalError
from eventsourcing.sqlite import SQLiteDatastore

from store.db import Db
from store.wiping import (
    forget_samples,
    rewrite,
    rewrite_statistics,
    truncate_write_ahead_log,
)


class AppDb(Db):
    """A `Db` that borrows the application's connections (SQLite file or PG schema).

    A locked or gone SQLite raises eventsourcing's `OperationalError`, as the datastore
    does on PostgreSQL, so callers handle both stores' failures as the event store's.
    """

    def __init__(self, app: Application[UUID]) -> None:
        self.datastore: Any = app.recorder.datastore  # type: ignore[attr-defined]
        if isinstance(self.datastore, SQLiteDatastore):
            super().__init__("sqlite", None)
        else:
            super().__init__("postgres", self.datastore.schema)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as error:  # locked or gone: the caller may retry
            raise OperationalError(str(error)) from error

    @contextmanager
    def _sqlite(self, write: bool) -> Iterator[sqlite3.Connection]:
        with self.datastore.get_connection(commit=write) as conn:
            yield conn.cursor().sqlite_cursor.connection

    def _postgres(self) -> AbstractContextManager[Any]:
        return self.datastore.get_connection()  # type: ignore[no-any-return]

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
