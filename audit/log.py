"""Reads the stored log page by page, exactly as the store holds it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Notification

from audit.chain import StoredRecord

PAGE = 500


def notifications(
    app: Application[UUID],
    after: int = 0,
    stop: int | None = None,
    topics: Sequence[str] = (),
    page: int = PAGE,
) -> Iterator[Notification]:
    """Every notification after `after` (up to `stop`), in order."""
    while True:
        batch = app.recorder.select_notifications(
            after, page, stop=stop, topics=topics, inclusive_of_start=False
        )
        yield from batch
        if len(batch) < page:
            return
        after = batch[-1].id


def stored_record(notification: Notification) -> StoredRecord:
    return StoredRecord(
        position=notification.id,
        originator_id=UUID(str(notification.originator_id)),
        originator_version=notification.originator_version,
        topic=notification.topic,
        state=bytes(notification.state),
    )


def stored_records(
    app: Application[UUID], after: int = 0, until: int | None = None
) -> Iterator[StoredRecord]:
    return (stored_record(n) for n in notifications(app, after, stop=until))


def head_position(app: Application[UUID]) -> int:
    return app.recorder.max_notification_id() or 0
