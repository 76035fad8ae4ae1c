"""Applies the event log to the views exactly once: rows and position in one transaction."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from eventsourcing.application import Application
from eventsourcing.persistence import Notification

from projections.claims import RangeTaker, Reading, RebuildId, ranges_except, start_rebuild, swap_in
from projections.db import Tx, ViewDb
from projections.helper import Helper, Running
from projections.rows import Rows
from projections.shares import (
    Share,
    apply_event,
    decoded,
    plan_shares,
    rebuild_share,
    topic_counts,
)
from projections.tables import Table
from projections.view import Batch, View

log = logging.getLogger(__name__)
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
        helper: Helper | None = None,
    ) -> None:
        self.app, self.db, self.views, self.name = app, db, list(views), name
        self.batch_size = batch_size
        self.helper = helper
        self.tables: tuple[Table, ...] = tuple(t for v in self.views for t in v.tables)
        self._lock = threading.RLock()
        self._position = 0
        self.create_tables()

    def create_tables(self) -> None:
        with self.db.transaction(write=True) as tx:
            if tx.dialect == "postgres":  # processes starting together take turns
                tx.execute("SELECT pg_advisory_xact_lock(hashtext('peerlearning/views'))")
            for statement in [TRACKING_DDL, *(s for t in self.tables for s in t.ddl())]:
                tx.execute(statement)
            tx.execute(
                "INSERT INTO view_tracking (name, position) VALUES (?, 0) "
                "ON CONFLICT (name) DO NOTHING",
                [self.name],
            )

    def position(self) -> int:
        with self.db.transaction() as tx:
            return int(tx.fetchone(_SELECT_POSITION, [self.name])[0])

    def catch_up(self, progress: Progress | None = None) -> int:
        """Applies every event recorded so far; returns the position reached."""
        with self._lock:
            if (self.app.recorder.max_notification_id() or 0) <= self._position:
                return self._position
            rows = Rows(self.tables)
            while self._apply_batch(rows, progress):
                pass
            return self._position

    def _apply_batch(self, rows: Rows, progress: Progress | None) -> int:
        """Applies the next batch; returns how many events it applied (or 1 to read again).

        The events are read and decoded before the view transaction begins: on SQLite that
        transaction holds the file's write lock, and waiting inside it for a connection of
        the event store's pool (to read events or the keys of sealed personal data)
        deadlocks against a command that holds the pool's writer until the pool times out.
        """
        expected = self._position
        notifications = self.app.recorder.select_notifications(
            start=expected + 1, limit=self.batch_size
        )
        events = [(n, decoded(self.app, n)) for n in notifications]
        with self.db.transaction(write=True) as tx:
            position = self._locked_position(tx)
            if position != expected:  # another process moved on: read again from there
                self._position = position
                return 1
            if notifications:
                self._apply_all(events, rows, tx)
                position = notifications[-1].id
                tx.execute(_UPDATE_POSITION, [position, self.name])
        self._position = position
        if progress and notifications:
            progress(len(notifications))
        return len(notifications)

    def _locked_position(self, tx: Tx) -> int:
        return int(tx.fetchone(_SELECT_POSITION + tx.for_update, [self.name])[0])

    def _apply_all(self, events: Sequence[tuple[Notification, Any]], rows: Rows, tx: Tx) -> None:
        rows.tx = tx
        batch = Batch(rows, tx)
        for notification, event in events:
            if event is not None:
                apply_event(self.views, event, notification, batch)
        rows.flush(tx)

    def rebuild(self, progress: Progress | None = None) -> int:
        """Rebuilds every view from the log into shadow tables, then swaps them in.

        The live views keep serving (and following new events) meanwhile. Each share of
        the views reads only its events and writes each of its rows once; with a helper
        and a long log, a second process rebuilds one share. Returns the position reached.
        """
        stop = self.app.recorder.max_notification_id() or 0
        rebuild = start_rebuild(self.db, self.name, self.tables, stop, self.events_table())
        shares = plan_shares(self.views, topic_counts(self.db, rebuild.events_table, stop))
        split = shares[0] if shares[0].per_originator else None
        handed = shares[-1] if len(shares) > 1 else None
        helped = self._start_helper(handed, split, rebuild)
        taker = RangeTaker(Reading(self.db, rebuild, split.topics or ())) if split else None
        try:
            for share in shares if helped is None else shares[:-1]:
                take = taker if share is split else None
                relay = self._relay(helped, progress)
                rebuild_share(self.app, self.db, share, stop, rebuild.claim, relay, take)
        except BaseException:
            if helped is not None:
                helped.stop()
            raise
        if helped is not None and not helped.finish(progress):
            self._instead_of_helper(handed, split, rebuild, taker, progress)
        with self._lock:
            swap_in(self.db, rebuild, self.tables)
            self._position = stop
        return self.catch_up(progress)

    def _instead_of_helper(
        self,
        handed: Share | None,
        split: Share | None,
        rebuild: RebuildId,
        taker: RangeTaker | None,
        progress: Progress | None,
    ) -> None:
        """Does what a failed helper was given: its share, and the ranges this process left."""
        if handed is not None:
            rebuild_share(self.app, self.db, handed, rebuild.stop, rebuild.claim, progress)
        if split is not None and taker is not None:
            rest = ranges_except(taker.taken, taker.reading)
            rebuild_share(self.app, self.db, split, rebuild.stop, rebuild.claim, progress, rest)

    def _start_helper(
        self, handed: Share | None, split: Share | None, rebuild: RebuildId
    ) -> Running | None:
        if self.helper is None or handed is None:
            return None
        if not self.helper.worthwhile(handed, split, rebuild.stop):
            return None
        try:
            return self.helper.start(handed, split, rebuild)
        except Exception:
            log.warning("Could not start a rebuild helper; rebuilding here", exc_info=True)
            return None

    @staticmethod
    def _relay(helped: Running | None, progress: Progress | None) -> Progress | None:
        if helped is None:
            return progress

        def both(count: int) -> None:
            if progress:
                progress(count)
            helped.relay(progress)

        return both

    def events_table(self) -> str:
        return str(getattr(self.app.recorder, "events_table_name", "stored_events"))


_SELECT_POSITION = "SELECT position FROM view_tracking WHERE name = ?"
_UPDATE_POSITION = "UPDATE view_tracking SET position = ? WHERE name = ?"


class Follower(Protocol):
    def catch_up(self) -> object: ...


class Poller:
    """Picks up events written by other processes; never dies of an error."""

    def __init__(self, projector: Follower, interval: float = 0.5) -> None:
        self.projector = projector
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="view-poller", daemon=True)

    def start(self) -> Poller:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.projector.catch_up()
            except Exception:
                log.exception("Catching up the views failed; retrying")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
