"""A rebuild's shares: which views one process rebuilds, from which events, into which tables.

A view that touches only its own tables and says which events it reads (`separable`,
`reads`) can be rebuilt by another process while this one rebuilds the rest; each share
reads only the events of its views. Shares write into shadow tables (`<table>__rebuilt`),
which the projector swaps in at the end, so the live views serve on meanwhile.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Notification
from eventsourcing.utils import resolve_topic

from projections.db import Tx, ViewDb
from projections.rows import Rows
from projections.tables import Table
from projections.view import Batch, View

log = logging.getLogger(__name__)
Progress = Callable[[int], None]
READ_BATCH = 1000
SHADOW_SUFFIX = "__rebuilt"


class RebuildSuperseded(Exception):
    """Another rebuild of the same views started meanwhile; this one gives way."""


def shadow(table: Table) -> Table:
    return dataclasses.replace(table, name=table.name + SHADOW_SUFFIX)


@dataclass(frozen=True)
class Share:
    views: tuple[View, ...]
    topics: tuple[str, ...] | None  # None reads every event
    events: int  # how many events it will read, to balance the processes

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(t for v in self.views for t in v.tables)

    @property
    def per_originator(self) -> bool:
        """Its rows follow from each aggregate's own events: it may be split by originator."""
        return self.topics is not None and all(
            getattr(v, "per_originator", False) for v in self.views
        )


def plan_shares(views: Sequence[View], topic_counts: dict[str, int]) -> list[Share]:
    """The separable views as one share, the rest as another; the heavier share first."""
    apart = [v for v in views if getattr(v, "separable", False)]
    rest = [v for v in views if v not in apart]
    shares = [_share(group, topic_counts) for group in (rest, apart) if group]
    return sorted(shares, key=lambda s: -s.events)


def _share(views: list[View], topic_counts: dict[str, int]) -> Share:
    read = [getattr(v, "reads", None) for v in views]
    if any(classes is None for classes in read):
        return Share(tuple(views), None, sum(topic_counts.values()))
    wanted = tuple(c for classes in read for c in classes or ())
    topics = tuple(t for t in topic_counts if _is_a(t, wanted))
    return Share(tuple(views), topics, sum(topic_counts[t] for t in topics))


def _is_a(topic: str, classes: tuple[type, ...]) -> bool:
    try:
        cls = resolve_topic(topic)
    except Exception:  # an unknown topic: no view reads it; the projector logs it
        return False
    return isinstance(cls, type) and issubclass(cls, classes)


def _position(db: ViewDb) -> str:
    """The column of the events table holding each event's position in the log."""
    return "rowid" if db.dialect == "sqlite" else "notification_id"


def topic_counts(db: ViewDb, events_table: str, stop: int) -> dict[str, int]:
    position = _position(db)
    with db.transaction() as tx:
        rows = tx.fetchall(
            f"SELECT topic, COUNT(*) FROM {events_table} WHERE {position} <= ? GROUP BY topic",
            [stop],
        )
    return {str(topic): int(count) for topic, count in rows}


def rebuild_share(
    app: Application[Any],
    db: ViewDb,
    share: Share,
    stop: int,
    claim: Callable[[Tx], None],
    progress: Progress | None = None,
    take: TakeRange | None = None,
) -> int:
    """Applies the share's events up to `stop` in memory, then writes its shadow tables.

    With `take`, reads the events of the originator ranges it hands out instead, each range
    in aggregate order (for a share that is `per_originator`). `claim` runs first in the
    writing transaction and raises `RebuildSuperseded` when another rebuild took over.
    Returns how many events the share read.
    """
    rows = Rows(share.tables, trust_memory=True)
    batch, read = Batch(rows, None), 0
    batches = _ranges(take) if take else _in_order(app, share, stop)
    with rows_kept_from_collector() as keep:
        for notifications in batches:
            for notification in notifications:
                event = decoded(app, notification)
                if event is not None:
                    apply_event(share.views, event, notification, batch)
            read += len(notifications)
            keep()
            if progress:
                progress(len(notifications))
    with db.transaction(write=True) as tx:
        claim(tx)
        rows.flush(tx, rename=shadow)
    return read


TakeRange = Callable[[], "list[Notification] | None"]


def _in_order(app: Application[Any], share: Share, stop: int) -> Iterator[Sequence[Notification]]:
    position = 0
    while share.topics != () and (
        notifications := app.recorder.select_notifications(
            start=position + 1, limit=READ_BATCH, stop=stop, topics=share.topics or ()
        )
    ):
        yield notifications
        position = notifications[-1].id


def _ranges(take: TakeRange) -> Iterator[list[Notification]]:
    while (notifications := take()) is not None:
        yield notifications


def read_originators(
    db: ViewDb, table: str, topics: Sequence[str], bounds: tuple[Any, Any], stop: int
) -> list[Notification]:
    """The events of aggregates whose id lies in [low, high), in aggregate order, up to `stop`."""
    position = _position(db)
    clauses, params = [f"{position} <= ?"], list[Any]([stop])
    low, high = bounds
    if low is not None:
        clauses.append("originator_id >= ?")
        params.append(low)
    if high is not None:
        clauses.append("originator_id < ?")
        params.append(high)
    if topics:
        clauses.append(f"topic IN ({', '.join('?' for _ in topics)})")
        params.extend(topics)
    with db.transaction() as tx:
        found = tx.fetchall(
            f"SELECT {position}, originator_id, originator_version, topic, state "
            f"FROM {table} WHERE {' AND '.join(clauses)} "
            "ORDER BY originator_id, originator_version",
            params,
        )
    return [
        Notification(
            id=int(row[0]),
            originator_id=row[1] if isinstance(row[1], UUID) else UUID(row[1]),
            originator_version=int(row[2]),
            topic=str(row[3]),
            state=bytes(row[4]),
        )
        for row in found
    ]


@contextmanager
def rows_kept_from_collector() -> Iterator[Callable[[], None]]:
    """Spares the rows held in memory from the garbage collector's full sweeps.

    A rebuild holds every row in memory until it writes them; each full collection would
    walk all of them again, which made rebuilds slower the longer the log. Calling the
    yielded function (after each batch) freezes what exists so far; leaving unfreezes.
    """
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def decoded(app: Application[Any], notification: Notification) -> Any:
    """The domain event, or None (logged) when it cannot be read."""
    try:
        return app.mapper.to_domain_event(notification)
    except Exception:  # an unknown or unreadable event must not stop the others
        log.warning(
            "Skipped unreadable event at position %s (%s)",
            notification.id,
            notification.topic,
            exc_info=True,
        )
        return None


def apply_event(
    views: Sequence[View], event: Any, notification: Notification, batch: Batch
) -> None:
    for view in views:
        try:
            view.apply(event, notification, batch)
        except Exception:
            log.exception(
                "View %s skipped event at position %s (%s)",
                type(view).__name__,
                notification.id,
                notification.topic,
            )
