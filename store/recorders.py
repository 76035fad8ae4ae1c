"""Application recorders that run `Inline` work in the transaction that inserts events.

Selected through the library's APPLICATION_RECORDER_TOPIC setting. They insert the events as
the library's own recorders do, and once the store has assigned their positions, hand them to
the inline parts on the same connection before committing, as the library's process recorders
write their tracking records in the events' transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any
from uuid import UUID
from weakref import WeakSet

import psycopg
from eventsourcing.persistence import OperationalError, PersistenceError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg import Connection
from psycopg.pq import TransactionStatus
from psycopg.sql import SQL, Identifier

from store.inline import Inline, StoreTx, written

DOMAIN_EVENTS = "recorded_domain_events"  # the keyword the application hands them in


class InlineSQLiteRecorder(SQLiteApplicationRecorder):
    inline: Inline

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inline = Inline()

    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        try:
            with self.datastore.transaction(commit=True) as c:
                ids = self._insert_events(c, stored_events, **kwargs)
                if stored_events:
                    tx = StoreTx("sqlite", c.sqlite_cursor.connection)
                    self.inline.write(tx, written(stored_events, ids, kwargs.get(DOMAIN_EVENTS)))
        except BaseException:
            self.inline.abandoned()
            raise
        self.inline.committed()
        return ids

    def select_events(
        self,
        originator_id: UUID | str,
        *,
        gt: int | None = None,
        lte: int | None = None,
        desc: bool = False,
        limit: int | None = None,
    ) -> Sequence[StoredEvent]:
        """An aggregate's events after a version, as one statement on a connection that
        commits each by itself (one statement reads one snapshot): the library wraps it in
        BEGIN and ROLLBACK, which a cached aggregate's catching up pays on every command."""
        if lte is not None or desc or limit is not None:
            return super().select_events(originator_id, gt=gt, lte=lte, desc=desc, limit=limit)
        statement = self.select_events_statement
        params: list[Any] = [
            originator_id.hex if isinstance(originator_id, UUID) else originator_id
        ]
        if gt is not None:
            statement += "AND originator_version>? "
            params.append(gt)
        statement += "ORDER BY originator_version ASC"
        with self.datastore.get_connection(commit=False) as conn, conn.cursor() as cursor:
            try:
                rows = cursor.execute(statement, params).fetchall()
            except sqlite3.OperationalError as error:  # locked or gone: the caller may retry
                raise OperationalError(error) from error
            except sqlite3.Error as error:
                raise PersistenceError(error) from error
        return [
            StoredEvent(
                originator_id=self.convert_originator_id(row["originator_id"]),
                originator_version=row["originator_version"],
                topic=row["topic"],
                state=row["state"],
            )
            for row in rows
        ]


class InlinePostgresRecorder(PostgresApplicationRecorder):
    inline: Inline

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.inline = Inline()
        self._in_schema: WeakSet[Connection[Any]] = WeakSet()

    def insert_events(
        self, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        """One transaction in pipeline mode: statements go out together and the connection
        waits for the server only where a part reads (a lock, a row, a head).

        BEGIN and COMMIT are statements of the pipeline, not psycopg's `transaction()`, which
        waits for each on its own: BEGIN travels with the insert, COMMIT with the last rows.
        """
        if not stored_events:
            return []
        try:
            with self.datastore.get_connection() as conn:
                ids = self._in_one_transaction(conn, stored_events, **kwargs)
        except BaseException:
            self.inline.abandoned()
            raise
        self.inline.committed()
        return ids

    def _in_one_transaction(
        self, conn: Connection[Any], stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int]:
        self._enter_schema(conn)
        try:
            with conn.pipeline() as pipeline, conn.cursor() as curs:
                curs.execute("BEGIN")
                self._insert_stored_events(curs, stored_events, **kwargs)
                tx = StoreTx("postgres", conn, pipeline)
                originators = [e.originator_id for e in stored_events]
                self.inline.read_ahead(tx, originators, kwargs.get(DOMAIN_EVENTS))
                pipeline.sync()  # the positions, and a refused duplicate, come back here
                ids = self._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
                assert ids is not None
                self.inline.write(tx, written(stored_events, ids, kwargs.get(DOMAIN_EVENTS)))
                curs.execute("COMMIT")  # sent, and its answer awaited, as the pipeline ends
        except BaseException:
            rolled_back(conn)
            raise
        return ids

    def _enter_schema(self, conn: Connection[Any]) -> None:
        """The inline parts name their tables without the schema: a connection of the pool
        is put into it once, for its session (the library names its own tables in full)."""
        if conn not in self._in_schema:
            schema = Identifier(self.datastore.schema)
            conn.execute(SQL("SET search_path TO {}").format(schema))  # autocommit: kept
            self._in_schema.add(conn)


def rolled_back(conn: Connection[Any]) -> None:
    """Ends the failed transaction before the connection goes back to the pool."""
    if conn.closed or conn.info.transaction_status == TransactionStatus.IDLE:
        return
    try:
        conn.rollback()
    except psycopg.OperationalError:  # the connection broke: the pool discards it
        return
