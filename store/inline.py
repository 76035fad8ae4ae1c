"""Work done in the events' own transaction: whatever must commit with them or not at all.

The recorder (`store.recorders`) inserts a command's events, then hands them, with
their positions, to each part of `Inline` on the same connection before it commits: the
personal-data keys, the audit chain, the views. If any part raises, the transaction rolls
back and the command fails with nothing recorded.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import Notification

from store.db import Tx, tuple_cursor


@dataclass(frozen=True)
class Written:
    """One event as this transaction stored it, and the domain event it came from."""

    notification: Notification
    event: Any | None  # None when the writer did not hand it over: decode the notification


@dataclass
class StoreTx:
    """The open transaction of the recorder: its connection and what speaks SQL on it."""

    dialect: str  # "sqlite" or "postgres"
    connection: Any  # sqlite3.Connection or psycopg.Connection
    pipeline: Any | None = None  # PostgreSQL: the transaction's pipeline

    def cursor(self) -> Any:
        """A cursor in the transaction, whose rows are tuples."""
        return tuple_cursor(self.connection, self.dialect)

    def tx(self) -> Tx:
        """The transaction as a `Tx`, which takes `?` placeholders on both stores; on
        PostgreSQL its statements are queued in the recorder's pipeline, and a read syncs it."""
        sync = self.pipeline.sync if self.pipeline is not None else None
        return Tx(self.cursor(), self.dialect, sync)


class InlinePart(Protocol):
    def write(self, tx: StoreTx, written: Sequence[Written]) -> None:
        """Writes this part's rows for the events; raising rolls everything back."""

    def committed(self) -> None:
        """The transaction committed: publish what this part keeps in memory."""

    def abandoned(self) -> None:
        """The transaction rolled back (or never began): forget what this part prepared."""


_stored_differs = threading.local()


def stored_differs() -> None:
    """Called by a transcoding that stores something other than the event's value (sealing
    the data of a person already erased): the views then read this command's events as
    stored, not as the application handed them over."""
    _stored_differs.flag = True


def _take_stored_differs() -> bool:
    flag = bool(getattr(_stored_differs, "flag", False))
    _stored_differs.flag = False
    return flag


class Inline:
    """The parts run in order in each transaction that stores events."""

    def __init__(self) -> None:
        self.parts: list[InlinePart] = []

    def add(self, part: InlinePart) -> None:
        self.parts.append(part)

    def read_ahead(
        self, tx: StoreTx, originators: Sequence[UUID | str], events: Sequence[Any] | None = None
    ) -> None:
        """Parts that read before writing (`read_ahead`, optional) send their reads now, on
        PostgreSQL's pipeline with the events' insert: one round trip for all of them. The
        command's domain events, when the application handed them, let a part read only
        what they concern."""
        for part in self.parts:
            read_ahead = getattr(part, "read_ahead", None)
            if read_ahead is not None:
                read_ahead(tx, originators, events)

    def write(self, tx: StoreTx, written: Sequence[Written]) -> None:
        for part in self.parts:
            part.write(tx, written)

    def committed(self) -> None:
        _take_stored_differs()
        for part in self.parts:
            part.committed()

    def abandoned(self) -> None:
        _take_stored_differs()
        for part in self.parts:
            part.abandoned()


def written(
    stored: Sequence[Any], ids: Sequence[int] | None, events: Sequence[Any] | None
) -> list[Written]:
    """Pairs the stored events with their positions and domain events."""
    assert ids is not None and len(ids) == len(stored), "the store assigned no positions"
    faithful = not _take_stored_differs()
    handed = (
        list(events) if faithful and events is not None and len(events) == len(stored) else None
    )
    return [
        Written(
            Notification(
                id=int(position),
                originator_id=s.originator_id,
                originator_version=s.originator_version,
                topic=s.topic,
                state=s.state,
            ),
            handed[i] if handed is not None else None,
        )
        for i, (s, position) in enumerate(zip(stored, ids, strict=True))
    ]
