"""The log as auditors read it: who changed what, when, in recording order."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Notification

from audit.jsonable import jsonable
from audit.streams import stream_notifications

ENVELOPE = {"originator_id", "originator_version", "timestamp", "actor"}
MAX_LIMIT = 1000


def event_entry(app: Application[UUID], notification: Notification) -> dict[str, Any]:
    """One event: position, stream, version, type, timestamp, actor and its data."""
    event: Any = app.mapper.to_domain_event(notification)
    stream_type, _, event_type = notification.topic.partition(":")[2].rpartition(".")
    return {
        "position": notification.id,
        "stream_id": str(notification.originator_id),
        "stream_type": stream_type,
        "version": notification.originator_version,
        "event_type": event_type,
        "timestamp": event.timestamp.isoformat(),
        "actor": getattr(event, "actor", None),
        "data": {k: jsonable(v) for k, v in vars(event).items() if k not in ENVELOPE},
    }


def events_after(app: Application[UUID], after: int = 0, limit: int = 100) -> list[dict[str, Any]]:
    """A page of the global log; the next page starts after the last position returned."""
    limit = max(1, min(limit, MAX_LIMIT))
    batch = app.recorder.select_notifications(after, limit, inclusive_of_start=False)
    return [event_entry(app, n) for n in batch]


def stream_history(app: Application[UUID], stream_id: UUID) -> list[dict[str, Any]]:
    """Every event of one aggregate, oldest first, with its position in the log."""
    return [event_entry(app, n) for n in stream_notifications(app, stream_id)]
