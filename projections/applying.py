"""Applying events to one view, and what is reported when a view cannot apply one."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.application import Application
from eventsourcing.persistence import Notification
from eventsourcing.utils import resolve_topic

from domain.values import PersonalData
from projections.rows import Rows
from projections.view import Batch, View, view_name
from store.db import Tx

log = logging.getLogger(__name__)
Event = tuple[Notification, Any]  # the event, None for one of no view's concern


@dataclass(frozen=True)
class Stuck:
    """The event a view could not apply, and why (type and message, no personal data)."""

    position: int
    topic: str
    error_type: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "topic": self.topic,
            "error": {"type": self.error_type, "message": self.message},
        }


class ViewFailed(Exception):
    """A view raised on one event; nothing of the view's work on it may be kept."""

    def __init__(self, view: str, stuck: Stuck) -> None:
        super().__init__(
            f"View {view} cannot apply the event at position {stuck.position} "
            f"({stuck.topic}): {stuck.error_type}: {stuck.message}"
        )
        self.view = view
        self.stuck = stuck


class Unreadable:
    """An event of a known kind that does not decode: every view stops at it."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def decoded(app: Application[Any], notification: Notification) -> Any:
    """The domain event; None for a kind no code knows any more (no view can read it);
    `Unreadable` for one that should read and does not."""
    try:
        resolve_topic(notification.topic)
    except Exception:  # a retired kind: no view reads it, so it stops none
        log.warning(
            "Skipped unreadable event at position %s (%s)", notification.id, notification.topic
        )
        return None
    try:
        return app.mapper.to_domain_event(notification)
    except Exception as error:  # the views stop at it and report it
        return Unreadable(error)


def reads(view: View, event: Any) -> bool:
    """Whether the view may use the event (a view that does not say gets every event; an
    unreadable one goes to every view, which stops at it)."""
    wanted = getattr(view, "reads", None)
    return event is not None and (
        wanted is None or isinstance(event, Unreadable) or isinstance(event, wanted)
    )


def apply_events(view: View, rows: Rows, events: Sequence[Event], tx: Tx) -> None:
    """Applies the events the view reads to its rows in `tx`; raises `ViewFailed` at the
    first one it cannot apply (the rows are then to be thrown away, not flushed)."""
    rows.tx = tx
    batch = Batch(rows)
    for notification, event in events:
        if not reads(view, event):
            continue
        try:
            if isinstance(event, Unreadable):
                raise event.error
            view.apply(event, notification, batch)
        except Exception as error:  # reported as the view's stop, never swallowed
            raise ViewFailed(view_name(view), stuck_at(notification, event, error)) from error


def stuck_at(notification: Notification, event: Any, error: Exception) -> Stuck:
    message = str(error)
    for secret in personal_values(event):
        message = message.replace(secret, "[personal data]")
    return Stuck(notification.id, notification.topic, type(error).__name__, message[:300])


def personal_values(value: Any, depth: int = 0) -> Iterator[str]:
    """The names and e-mail addresses anywhere in an event, to keep them out of reports."""
    if depth > 4:
        return
    if isinstance(value, PersonalData):
        yield from (v for v in (value.name, value.email) if v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from personal_values(getattr(value, field.name), depth + 1)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from personal_values(item, depth + 1)
    elif hasattr(value, "__dict__") and depth == 0:
        for item in vars(value).values():
            yield from personal_values(item, depth + 1)
