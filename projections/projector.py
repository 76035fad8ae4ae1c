"""Keeps the views: inline in each command's transaction, and following the log otherwise.

Every view has its own position in `view_tracking`, moved in the transaction that writes its
rows, so each event is applied exactly once. A command's events are applied in its own
transaction (`write`, an inline part of the recorder) to each view exactly at the event before
them; a view that raises fails the command. Events recorded without this process's views are
applied by `catch_up`; a view that cannot apply one stops there, keeps serving, is reported by
`health()`, and retries it at every catch-up until the cause is fixed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from projections.applying import Event, Stuck, ViewFailed, apply_events, decoded, reads
from projections.ownership import check_own_tables
from projections.read_ahead import ReadAhead, concerned, move_positions, read_positions
from projections.rows import Rows
from projections.shadow import Rebuilt, rebuild_views
from projections.table_shape import START_AGAIN, same_shape
from projections.tables import Table
from projections.topics import events_table
from projections.view import View, view_name
from store.db import Tx, ViewDb
from store.inline import StoreTx, Written

TRACKING_DDL = "CREATE TABLE IF NOT EXISTS view_tracking (name TEXT PRIMARY KEY, position BIGINT)"
Progress = Callable[[int], None]


class Projector:
    def __init__(
        self,
        app: Application[Any],
        db: ViewDb,
        views: Sequence[View],
        name: str = "views",
        batch_size: int = 500,
    ) -> None:
        check_own_tables(views)
        self.app, self.db, self.views, self.name = app, db, list(views), name
        self.batch_size = batch_size
        self.tracking = {view_name(v): f"{name}/{view_name(v)}" for v in self.views}
        self.tables: tuple[Table, ...] = tuple(t for v in self.views for t in v.tables)
        self.stuck: dict[str, Stuck] = {}
        self._lock = threading.RLock()
        self._pending = threading.local()
        self._positions: dict[str, int] = {}
        self.create_tables()
        self._positions = self.positions()

    def create_tables(self) -> None:
        """Makes the tables; a view new to this store starts from an empty table at 0."""
        with self.db.transaction(write=True) as tx:
            if tx.dialect == "postgres":  # processes starting together take turns
                tx.execute("SELECT pg_advisory_xact_lock(hashtext('peerlearning/views'))")
            tx.execute(TRACKING_DDL)
            for view in self.views:
                name = self.tracking[view_name(view)]
                tracked = tx.fetchone(_SELECT_POSITION, [name]) is not None
                fresh = not tracked or not same_shape(tx, view.tables)  # new, or older shape
                for table in view.tables:
                    if fresh:  # rows of an older layout or shape: the view starts again
                        tx.execute(f"DROP TABLE IF EXISTS {table.name}")
                    for statement in table.ddl():
                        tx.execute(statement)
                if fresh:
                    tx.execute(START_AGAIN, [name])

    def positions(self) -> dict[str, int]:
        """Each view's position as the store holds it."""
        with self.db.transaction() as tx:
            return read_positions(tx, self.tracking.values())

    def position(self) -> int:
        """Up to where every view has applied the log."""
        return min(self.positions().values(), default=0)

    # -- inline: in the transaction that stores a command's events ---------------------

    def read_ahead(
        self, store: StoreTx, originators: Sequence[UUID | str], events: Sequence[Any] | None
    ) -> None:
        """Sends the positions' and rows' reads with the other parts' (PostgreSQL)."""
        if store.dialect == "postgres":
            views, names = concerned(self.views, events), list(self.tracking.values())
            self._pending.ahead = ReadAhead(store, names, views).send(originators)

    def write(self, store: StoreTx, written: Sequence[Written]) -> None:
        """Applies the command's events to every view that is right before them."""
        tx = store.tx()
        ahead, self._pending.ahead = getattr(self._pending, "ahead", None), None
        names = self.tracking.values()
        if ahead is None and store.dialect == "postgres":  # called without `read_ahead`
            originators = [w.notification.originator_id for w in written]
            ahead = ReadAhead(store, list(names), self.views).send(originators)
        positions = ahead.positions() if ahead else read_positions(tx, names, lock=True)
        first, last = written[0].notification.id, written[-1].notification.id
        before = self._event_before(tx, first, positions)
        ready = [v for v in self.views if positions[self.tracking[view_name(v)]] == before]
        if not ready:
            return
        events: list[Event] = [
            (w.notification, w.event if w.event is not None else decoded(self.app, w.notification))
            for w in written
        ]
        for view in ready:
            wanted = [e for e in events if reads(view, e[1])]
            if wanted:
                rows = Rows(view.tables)
                if ahead:
                    ahead.seed(rows)
                apply_events(view, rows, wanted, tx)
                rows.flush(tx)
        moved = {self.tracking[view_name(v)]: last for v in ready}
        move_positions(tx, moved)
        self._pending.moved = moved

    def _event_before(self, tx: Tx, first: int, positions: dict[str, int]) -> int:
        """The position of the stored event before `first` (positions may have gaps on
        PostgreSQL; this transaction holds the events' lock, so none appears meanwhile)."""
        if tx.dialect == "sqlite" or all(p == first - 1 for p in positions.values()):
            return first - 1
        found = tx.fetchone(
            f"SELECT MAX(notification_id) FROM {self._events_table()} WHERE notification_id < ?",
            [first],
        )
        return int(found[0] or 0)

    def committed(self) -> None:
        moved = getattr(self._pending, "moved", None) or {}
        self._pending.moved = self._pending.ahead = None
        with self._lock:
            for name, position in moved.items():
                self._positions[name] = max(self._positions.get(name, 0), position)

    def abandoned(self) -> None:
        self._pending.moved = self._pending.ahead = None

    # -- following: events this process's commands did not apply ----------------------

    def catch_up(self, progress: Progress | None = None) -> int:
        """Applies every event recorded so far to each view that can; returns the lowest
        position of the views."""
        with self._lock:
            head = self.app.recorder.max_notification_id() or 0
            failed: set[str] = set()
            while self._follow(head, failed, progress):
                pass
            return min(self._positions.values(), default=0)

    def _follow(self, head: int, failed: set[str], progress: Progress | None) -> bool:
        """Applies the next batch to the views behind; False once there is nothing to do.

        The events are read and decoded before the view transaction begins: on SQLite that
        transaction holds the file's write lock, and waiting inside it for a connection of
        the event store's pool deadlocks against a command that holds the pool's writer.
        """
        behind = {n: p for n, p in self._positions.items() if p < head and n not in failed}
        if not behind:
            return False
        start = min(behind.values())
        notifications = self.app.recorder.select_notifications(
            start=start + 1, limit=self.batch_size, stop=head
        )
        if not notifications:
            return False
        events = [(n, decoded(self.app, n)) for n in notifications]
        with self.db.transaction(write=True) as tx:
            positions = read_positions(tx, self.tracking.values(), lock=True)
            if positions != self._positions:  # another process moved on: read again
                self._positions = positions
                return True
            moved = self._apply_behind(tx, events, behind, failed)
            move_positions(tx, moved)
        self._positions.update(moved)
        if progress:
            progress(len(notifications))
        return True

    def _apply_behind(
        self, tx: Tx, events: list[Event], behind: dict[str, int], failed: set[str]
    ) -> dict[str, int]:
        moved: dict[str, int] = {}
        for view in self.views:
            name = self.tracking[view_name(view)]
            if name not in behind:
                continue
            todo = [e for e in events if e[0].id > behind[name]]
            try:
                moved[name] = self._apply_some(view, todo, tx)
                self.stuck.pop(view_name(view), None)
            except ViewFailed as failure:  # stop before the event, keep what came before
                failed.add(name)
                self.stuck[view_name(view)] = failure.stuck
                before = [e for e in todo if e[0].id < failure.stuck.position]
                if before:
                    moved[name] = self._apply_some(view, before, tx)
        return moved

    @staticmethod
    def _apply_some(view: View, events: list[Event], tx: Tx) -> int:
        rows = Rows(view.tables)
        apply_events(view, rows, events, tx)
        rows.flush(tx)
        return events[-1][0].id

    # -- what /health shows --------------------------------------------------------------

    def health(self) -> list[dict[str, Any]]:
        """Each view's position, its lag behind the log and, when stuck, where and why."""
        head = self.app.recorder.max_notification_id() or 0
        positions = self.positions()
        found = []
        for view in self.views:
            name = view_name(view)
            position = positions.get(self.tracking[name], 0)
            stuck = self.stuck.get(name)
            found.append(
                {
                    "view": name,
                    "position": position,
                    "lag": max(head - position, 0),
                    "stuck": stuck.as_dict() if stuck and position < head else None,
                }
            )
        return found

    def rebuild(self, progress: Progress | None = None) -> int:
        """Rebuilds every view from the log into shadow tables, then swaps them in."""
        rebuilt = Rebuilt(self.app, self.db, self.views, self.tracking, f"{self.name}/rebuild")
        stop = rebuild_views(rebuilt, progress)
        with self._lock:
            self._positions = self.positions()
            self.stuck.clear()
        self.catch_up(progress)
        return stop

    def _events_table(self) -> str:
        return events_table(self.app)


_SELECT_POSITION = "SELECT position FROM view_tracking WHERE name = ?"
