"""Applies the event log to the views exactly once: rows and position in one transaction."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from eventsourcing.application import Application
from eventsourcing.persistence import Notification

from projections.db import Tx, ViewDb
from projections.rows import Rows
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
    ) -> None:
        self.app, self.db, self.views, self.name = app, db, list(views), name
        self.batch_size = batch_size
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
        events = [(n, self._decoded(n)) for n in notifications]
        with self.db.transaction(write=True) as tx:
            position = self._locked_position(tx)
            if position != expected:
                rows.trust_memory = False  # another process moved on: stop trusting memory
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
        lock = " FOR UPDATE" if tx.dialect == "postgres" else ""
        return int(tx.fetchone(_SELECT_POSITION + lock, [self.name])[0])

    def _decoded(self, notification: Notification) -> Any:
        try:
            return self.app.mapper.to_domain_event(notification)
        except Exception:  # an unknown or unreadable event must not stop the others
            log.warning(
                "Skipped unreadable event at position %s (%s)",
                notification.id,
                notification.topic,
                exc_info=True,
            )
            return None

    def _apply_all(self, events: Sequence[tuple[Notification, Any]], rows: Rows, tx: Tx) -> None:
        rows.tx = tx
        batch = Batch(rows, tx)
        for notification, event in events:
            if event is not None:
                self._apply_one(event, notification, batch)
        rows.flush(tx)

    def _apply_one(self, event: Any, notification: Notification, batch: Batch) -> None:
        for view in self.views:
            try:
                view.apply(event, notification, batch)
            except Exception:
                log.exception(
                    "View %s skipped event at position %s (%s)",
                    type(view).__name__,
                    notification.id,
                    notification.topic,
                )

    def rebuild(self, progress: Progress | None = None) -> int:
        """Drops every view table and applies the whole log again, in batches."""
        with self._lock:
            with self.db.transaction(write=True) as tx:
                for table in self.tables:
                    tx.execute(f"DROP TABLE IF EXISTS {table.name}")
                tx.execute(_UPDATE_POSITION, [0, self.name])
            self.create_tables()
            self._position = 0
            rows = Rows(self.tables, trust_memory=True)
            while self._apply_batch(rows, progress):
                pass
            return self._position


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
