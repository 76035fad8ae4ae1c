"""Which stored topics the views read, so a rebuild reads only those events."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.application import Application
from eventsourcing.utils import resolve_topic

from projections.view import View


def events_table(app: Application[Any]) -> str:
    return str(getattr(app.recorder, "events_table_name", "stored_events"))


def topics_of(app: Application[Any], views: Sequence[View]) -> tuple[str, ...] | None:
    """The topics in the log of events some view reads; None when a view reads all."""
    wanted: list[type] = []
    for view in views:
        reads = getattr(view, "reads", None)
        if reads is None:
            return None
        wanted.extend(reads)
    return tuple(t for t in stored_topics(app) if _is_a(t, tuple(wanted)))


def stored_topics(app: Application[Any]) -> list[str]:
    datastore: Any = getattr(app.recorder, "datastore")  # noqa: B009
    table = events_table(app)
    with datastore.transaction(commit=False) as cursor:
        cursor.execute(f"SELECT DISTINCT topic FROM {_qualified(datastore, table)}")
        return [str(row["topic"]) for row in cursor.fetchall()]


def _qualified(datastore: Any, table: str) -> str:
    schema = getattr(datastore, "schema", None)
    return f'"{schema}".{table}' if schema else table


def _is_a(topic: str, classes: tuple[type, ...]) -> bool:
    try:
        cls = resolve_topic(topic)
    except Exception:  # a retired kind: no view reads it
        return False
    return isinstance(cls, type) and issubclass(cls, classes)
