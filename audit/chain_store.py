"""The kept chain: one row per stored event, written in the transaction that stores it.

Each command's events are linked as part of its transaction (`write`); events some other
writer stored without links (an older process, a store from before) are linked first, in
the same transaction, so the chain never has a hole. `catch_up` does the same outside a
command, at start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from audit.chain import GENESIS, StoredRecord, link
from audit.log import stored_record, stored_records
from audit.verification import ChainRow
from store.app_db import AppDb
from store.db import Tx
from store.inline import StoreTx, Written

TABLE = "audit_chain"
PAGE = 500


class ChainStore:
    """Append-only; the highest kept position is the follower's tracking record."""

    def __init__(self, db: AppDb, events_table: str) -> None:
        self.db = db
        self.table = db.table(TABLE)
        self.events_table = db.table(events_table)
        self._ahead = threading.local()  # the head's query, sent by `read_ahead`
        with db.transaction(write=True) as tx:
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {self.table} ("
                "position BIGINT PRIMARY KEY, link TEXT NOT NULL)"
            )

    def head(self) -> ChainRow | None:
        with self.db.transaction() as tx:
            return _head(tx, self.table)

    def link_at(self, position: int) -> str | None:
        with self.db.transaction() as tx:
            row = tx.fetchone(f"SELECT link FROM {self.table} WHERE position = ?", (position,))
        return str(row[0]) if row else None

    def rows(self, after: int = 0, until: int | None = None) -> Iterator[ChainRow]:
        while True:
            with self.db.transaction() as tx:
                batch = tx.fetchall(
                    f"SELECT position, link FROM {self.table} WHERE position > ? "
                    "AND position <= ? ORDER BY position LIMIT ?",
                    (after, until if until is not None else 2**62, PAGE),
                )
            yield from ((int(p), str(h)) for p, h in batch)
            if len(batch) < PAGE:
                return
            after = int(batch[-1][0])

    def catch_up(self, app: Application[UUID]) -> int:
        """Chains every stored event after the kept head; returns how many it added."""
        added = 0
        while (appended := self._append_page(app)) is not None:
            added += appended
        return added

    def _append_page(self, app: Application[UUID]) -> int | None:
        """Reads outside the write lock, then appends only if no one else moved the head.

        Returns how many links it appended (0 when another follower was first), or None
        when nothing is left to chain.
        """
        head = self.head()
        position, previous = (head[0], bytes.fromhex(head[1])) if head else (0, GENESIS)
        records = list(islice(stored_records(app, after=position), PAGE))
        if not records:
            return None
        rows = []
        for record in records:
            previous = link(previous, record)
            rows.append((record.position, previous.hex()))
        with self.db.transaction(write=True) as tx:
            if self.db.dialect != "sqlite":  # SQLite's BEGIN IMMEDIATE already serialises
                # the lock every insert of events takes, under which a command links them
                tx.execute(f"LOCK TABLE {self.events_table} IN EXCLUSIVE MODE")
            if _head(tx, self.table) != head:
                return 0
            tx.executemany(f"INSERT INTO {self.table} (position, link) VALUES (?, ?)", rows)
        return len(rows)

    def read_ahead(
        self, store: StoreTx, originators: Sequence[UUID | str], events: Sequence[Any] | None
    ) -> None:
        """Sends the head's query without waiting for it (PostgreSQL). The insert of the
        events before it took the events' table lock, which `catch_up` takes too: no one
        else links events until this transaction ends."""
        if store.dialect == "sqlite":
            return
        tx = store.tx()
        self._ahead.cursor = tx.execute(_head_query(self.table))

    def write(self, store: StoreTx, written: Sequence[Written]) -> None:
        """Links the command's events after the head, and any unlinked events before them."""
        tx = store.tx()
        head = self._head_in(tx)
        position, previous = (head[0], bytes.fromhex(head[1])) if head else (0, GENESIS)
        first = written[0].notification.id
        records = [*self._unlinked(tx, position, first), *_records(written)]
        rows = []
        for record in records:
            previous = link(previous, record)
            rows.append((record.position, previous.hex()))
        # queued in the recorder's pipeline on PostgreSQL
        tx.executemany(f"INSERT INTO {self.table} (position, link) VALUES (?, ?)", rows)

    def _head_in(self, tx: Tx) -> ChainRow | None:
        sent, self._ahead.cursor = getattr(self._ahead, "cursor", None), None
        if sent is None:  # under the write lock of the events' insert (see `read_ahead`)
            return _head(tx, self.table)
        found = sent.fetchall()
        return (int(found[0][0]), str(found[0][1])) if found else None

    def _unlinked(self, tx: Tx, after: int, before: int) -> list[StoredRecord]:
        """Events stored after the head and before this command's, by a writer that did not
        link them (normally none: one indexed look finds nothing)."""
        if before == after + 1:
            return []
        column = "rowid" if self.db.dialect == "sqlite" else "notification_id"
        rows = tx.fetchall(
            f"SELECT {column}, originator_id, originator_version, topic, state "
            f"FROM {self.events_table} WHERE {column} > ? AND {column} < ? ORDER BY {column}",
            (after, before),
        )
        return [
            StoredRecord(int(p), UUID(str(o)), int(v), str(t), bytes(s)) for p, o, v, t, s in rows
        ]

    def committed(self) -> None:
        """Keeps nothing in memory."""

    def abandoned(self) -> None:
        self._ahead.cursor = None


def _records(written: Sequence[Written]) -> list[StoredRecord]:
    return [stored_record(w.notification) for w in written]


def _head(tx: Tx, table: str) -> ChainRow | None:
    row = tx.fetchone(_head_query(table))
    return (int(row[0]), str(row[1])) if row else None


def _head_query(table: str) -> str:
    return f"SELECT position, link FROM {table} ORDER BY position DESC LIMIT 1"
