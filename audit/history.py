"""The log as auditors read it: who changed what, when, in recording order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Notification

from audit.jsonable import jsonable
from audit.pseudonyms import Pseudonym, fields_of
from audit.streams import stream_notifications

ENVELOPE = {"originator_id", "originator_version", "timestamp", "actor"}
MAX_LIMIT = 1000


def _no_role(actor: str | None) -> str | None:
    return None


@dataclass(frozen=True)
class Reader:
    """How one reader sees the log: people as pseudonyms (auditors) or in clear (the team),
    and the role of each actor as far as the tokens tell it."""

    pseudonym: Pseudonym | None = None
    role_of: Callable[[str | None], str | None] = _no_role


IN_CLEAR = Reader()


def event_entry(
    app: Application[UUID], notification: Notification, reader: Reader = IN_CLEAR
) -> dict[str, Any]:
    """One event: position, stream, version, type, timestamp, actor, its role and its data.

    For a reader with a `pseudonym`, every person in the data reads as their pseudonym.
    """
    event = app.mapper.to_domain_event(notification)
    return readable_entry(notification.id, notification.topic, event, reader)


def readable_entry(
    position: int, topic: str, event: Any, reader: Reader = IN_CLEAR
) -> dict[str, Any]:
    """The readable fields of one decoded event; `audit verify --export` derives them again
    from the stored form with this function and compares."""
    data = {k: v for k, v in vars(event).items() if k not in ENVELOPE}
    stream_type, _, event_type = topic.partition(":")[2].rpartition(".")
    return {
        "position": position,
        "stream_id": str(event.originator_id),
        "stream_type": stream_type,
        "version": event.originator_version,
        "event_type": event_type,
        "timestamp": event.timestamp.isoformat(),
        "actor": (actor := getattr(event, "actor", None)),
        "actor_role": reader.role_of(actor),
        "data": fields_of(data, reader.pseudonym) if reader.pseudonym else jsonable(data),
    }


def events_after(
    app: Application[UUID],
    after: int = 0,
    limit: int = 100,
    reader: Reader = IN_CLEAR,
) -> list[dict[str, Any]]:
    """A page of the global log; the next page starts after the last position returned."""
    limit = max(1, min(limit, MAX_LIMIT))
    batch = app.recorder.select_notifications(after, limit, inclusive_of_start=False)
    return [event_entry(app, n, reader) for n in batch]


def stream_history(
    app: Application[UUID], stream_id: UUID, reader: Reader = IN_CLEAR
) -> list[dict[str, Any]]:
    """Every event of one aggregate, oldest first, with its position in the log."""
    return [event_entry(app, n, reader) for n in stream_notifications(app, stream_id)]
