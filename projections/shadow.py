"""Rebuilding the views from the log in one process, into shadow tables swapped in at the end.

The live views keep serving, and keep being written by commands, meanwhile. The rebuild reads
the log once up to the position it started at, applies each batch to every view and writes
the changed rows into `<table>__rebuilt` in one short transaction, so memory stays flat. The
shadow tables get their secondary indexes only at the swap, which replaces the live tables
and sets every view's position in one transaction; the events recorded meanwhile are then
applied by the follower. A rebuild started later supersedes an earlier one: each of its
transactions checks the claim it holds in `view_tracking`.
"""

from __future__ import annotations

import dataclasses
import gc
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from eventsourcing.application import Application

from projections.applying import Event, apply_events, decoded
from projections.read_ahead import move_positions
from projections.rows import Rows
from projections.tables import Table
from projections.topics import topics_of
from projections.view import View, view_name
from store.db import Tx, ViewDb

Progress = Callable[[int], None]

SHADOW_SUFFIX = "__rebuilt"
READ_BATCH = 2000  # events read, decoded and written per transaction
KEEP_ROWS = 5_000  # rows of a view kept in memory between batches, then forgotten


class RebuildSuperseded(Exception):
    """Another rebuild of the same views started meanwhile; this one gives way."""


def shadow(table: Table) -> Table:
    return dataclasses.replace(table, name=table.name + SHADOW_SUFFIX)


@dataclass(frozen=True)
class Claim:
    """One rebuild's hold on the views: a random token in the claim's tracking row."""

    name: str
    token: int

    def check(self, tx: Tx) -> None:
        """Locks the claim; raises `RebuildSuperseded` if a later rebuild holds it now."""
        row = tx.fetchone(
            f"SELECT position FROM view_tracking WHERE name = ?{tx.for_update}", [self.name]
        )
        if row is None or int(row[0]) != self.token:
            raise RebuildSuperseded("Another rebuild of the views started meanwhile.")


@dataclass(frozen=True)
class Rebuilt:
    """The views to rebuild and their tracking rows (view name -> tracking name)."""

    app: Application[Any]
    db: ViewDb
    views: Sequence[View]
    tracking: dict[str, str]
    claim_name: str

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(t for v in self.views for t in v.tables)


def rebuild_views(rebuilt: Rebuilt, progress: Progress | None = None) -> int:
    """Rebuilds the views up to the current end of the log; returns that position."""
    stop = rebuilt.app.recorder.max_notification_id() or 0
    claim = _start(rebuilt.db, rebuilt.claim_name, rebuilt.tables)
    rows = {
        view_name(v): Rows(v.tables, rename=shadow, keep=KEEP_ROWS, empty=True)
        for v in rebuilt.views
    }
    with _rows_kept_from_collector() as keep:
        for events in _batches(rebuilt.app, rebuilt.views, stop):
            with rebuilt.db.transaction(write=True) as tx:
                claim.check(tx)
                for view in rebuilt.views:
                    apply_events(view, rows[view_name(view)], events, tx)
                    rows[view_name(view)].flush(tx)
            keep()
            if progress:
                progress(len(events))
    _swap_in(rebuilt, claim, stop)
    return stop


def _batches(app: Application[Any], views: Sequence[View], stop: int) -> Iterator[list[Event]]:
    """The events up to `stop`, decoded, a batch at a time (read outside any view
    transaction: see `Projector._follow`)."""
    topics = topics_of(app, views)
    position = 0
    while topics != () and (
        notifications := app.recorder.select_notifications(
            start=position + 1, limit=READ_BATCH, stop=stop, topics=topics or ()
        )
    ):
        yield [(n, decoded(app, n)) for n in notifications]
        position = notifications[-1].id


def _start(db: ViewDb, claim_name: str, tables: tuple[Table, ...]) -> Claim:
    """Claims the rebuild and makes empty shadow tables, without secondary indexes."""
    claim = Claim(claim_name, secrets.randbits(62))
    with db.transaction(write=True) as tx:
        tx.execute(
            "INSERT INTO view_tracking (name, position) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET position = excluded.position",
            [claim.name, claim.token],
        )
        for table in tables:
            tx.execute(f"DROP TABLE IF EXISTS {shadow(table).name}")
            tx.execute(shadow(table).ddl()[0])
    return claim


def _swap_in(rebuilt: Rebuilt, claim: Claim, stop: int) -> None:
    """Replaces the live tables by the rebuilt ones and sets the positions, atomically."""
    with rebuilt.db.transaction(write=True) as tx:
        claim.check(tx)
        names = list(rebuilt.tracking.values())
        tx.fetchall(
            f"SELECT position FROM view_tracking WHERE name IN ({', '.join('?' for _ in names)})"
            + tx.for_update,
            names,
        )
        for table in rebuilt.tables:
            built = shadow(table).name
            tx.execute(f"DROP TABLE IF EXISTS {table.name}")
            tx.execute(f"ALTER TABLE {built} RENAME TO {table.name}")
            if tx.dialect == "postgres":  # the key's index keeps its name otherwise
                tx.execute(f"ALTER INDEX {built}_pkey RENAME TO {table.name}_pkey")
            for statement in table.ddl()[1:]:
                tx.execute(statement)
        move_positions(tx, dict.fromkeys(names, stop))
        tx.execute("DELETE FROM view_tracking WHERE name = ?", [claim.name])


@contextmanager
def _rows_kept_from_collector() -> Iterator[Callable[[], None]]:
    """Spares the long-lived objects (decoder memos, kept rows) from full collections:
    calling the yielded function after each batch freezes what exists; leaving unfreezes."""
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
