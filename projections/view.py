"""What a read model is to the projector, and the batch it is handed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import Notification

from projections.db import Tx
from projections.rows import Rows
from projections.tables import Table


@dataclass
class Batch:
    """One transaction's worth of events: rows to change and the raw cursor."""

    rows: Rows
    tx: Tx


class View(Protocol):
    """A read model. `apply` runs inside the transaction that moves the tracking position."""

    tables: tuple[Table, ...]

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None: ...


def iso_day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def iso_moment(moment: datetime | None) -> str | None:
    """Fixed-width UTC text, so moments compare correctly as strings in SQL."""
    if moment is None:
        return None
    utc = moment.astimezone(UTC).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"  # as strftime %Y-%m-%dT%H:%M:%S.%fZ


def parse_day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def parse_moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text)  # reads the trailing Z as UTC; 50x faster than strptime


def key(value: UUID | str) -> str:
    return str(value)
