"""One aggregate's stored events with their positions in the log."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Notification
from eventsourcing.sqlite import SQLiteApplicationRecorder


def stream_notifications(app: Application[UUID], stream_id: UUID) -> list[Notification]:
    recorder: Any = app.recorder
    if isinstance(recorder, SQLiteApplicationRecorder):
        return _sqlite(recorder, stream_id)
    return _postgres(recorder, stream_id)


def _sqlite(recorder: SQLiteApplicationRecorder, stream_id: UUID) -> list[Notification]:
    statement = (
        f"SELECT rowid, originator_version, topic, state FROM {recorder.events_table_name} "
        "WHERE originator_id = ? ORDER BY originator_version"
    )
    with recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute(statement, (stream_id.hex,))
        rows = cursor.fetchall()
    return [_notification(stream_id, r[0], r[1], r[2], r[3]) for r in rows]


def _postgres(recorder: Any, stream_id: UUID) -> list[Notification]:
    from psycopg.sql import SQL, Identifier

    statement = SQL(
        "SELECT notification_id, originator_version, topic, state FROM {}.{} "
        "WHERE originator_id = %s ORDER BY originator_version"
    ).format(Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
    with recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute(statement, (stream_id,))
        rows = cursor.fetchall()
    return [
        _notification(
            stream_id, r["notification_id"], r["originator_version"], r["topic"], r["state"]
        )
        for r in rows
    ]


def _notification(
    stream_id: UUID, position: int, version: int, topic: str, state: bytes
) -> Notification:
    return Notification(
        id=position,
        originator_id=stream_id,
        originator_version=version,
        topic=topic,
        state=bytes(state),
    )
