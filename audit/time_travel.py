"""What the system knew at a recording time or version, replayed from events and snapshots."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from application.app import PeerLearningApp
from audit.log import notifications
from audit.replayed_facts import replayed_facts
from audit.series_shape import catalogue_order, series_detail, series_item
from domain.clock import PROGRAMME_TIMEZONE
from domain.errors import NotFound, PeerLearningNotFound
from domain.peer_learning import PeerLearning


class VersionNotFound(NotFound):
    def __init__(self, stream_id: UUID, version: int, current: int) -> None:
        super().__init__(
            f"{stream_id} has no version {version}; its versions run from 1 to {current}."
        )


def timestamp_of(app: PeerLearningApp, stream_id: UUID, version: int) -> datetime:
    (event,) = app.events.get(stream_id, gt=version - 1, lte=version)
    moment: datetime = event.timestamp  # type: ignore[attr-defined]
    return moment


def current_version(app: PeerLearningApp, stream_id: UUID) -> int:
    newest = list(app.events.get(stream_id, desc=True, limit=1))
    return newest[0].originator_version if newest else 0


def version_at(app: PeerLearningApp, stream_id: UUID, as_of: datetime) -> int:
    """The newest version recorded at or before `as_of` (0: the stream did not exist yet).

    A binary search over the stream's own timestamps: a handful of one-event reads.
    """
    low, high = 0, current_version(app, stream_id)
    while low < high:
        middle = (low + high + 1) // 2
        if timestamp_of(app, stream_id, middle) <= as_of:
            low = middle
        else:
            high = middle - 1
    return low


def series_at(
    app: PeerLearningApp, series_id: UUID, version: int | None, as_of: datetime | None
) -> tuple[PeerLearning, datetime]:
    """The aggregate at a version or a recording time, and the moment it stood like that."""
    current = current_version(app, series_id)
    if current == 0:
        raise PeerLearningNotFound(series_id)
    if version is None:
        version = version_at(app, series_id, as_of) if as_of else current
        if version == 0:
            raise PeerLearningNotFound(series_id)
    if not 1 <= version <= current:
        raise VersionNotFound(series_id, version, current)
    series = app.series(series_id, version=version)
    return series, as_of or timestamp_of(app, series_id, version)


def series_as_of(
    app: PeerLearningApp,
    peer_learning_id: UUID,
    version: int | None = None,
    as_of: datetime | None = None,
    on: date | None = None,
    dated: bool = True,
) -> dict[str, Any]:
    """The series detail as recorded at `version` or at `as_of`, on programme day `on`
    (the day of that moment without it): `dated`, as it stood on that day; otherwise with
    every fact recorded by then, as the answers without a day show it."""
    series, moment = series_at(app, peer_learning_id, version, as_of)
    facts = replayed_facts(app, peer_learning_id, series.version, moment, version_at)
    announced_at = timestamp_of(app, peer_learning_id, 1)
    return series_detail(series, facts, announced_at, on or _day_of(moment), dated)


def catalogue_as_of(
    app: PeerLearningApp, as_of: datetime, on: date | None = None
) -> list[dict[str, Any]]:
    """Every series the system knew at `as_of`, shaped and ordered like the catalogue."""
    items = []
    for series_id in announced_series(app):
        version = version_at(app, series_id, as_of)
        if version == 0:
            continue
        series = app.series(series_id, version=version)
        facts = replayed_facts(app, series_id, version, as_of, version_at)
        announced_at = timestamp_of(app, series_id, 1)
        items.append(series_item(series, facts, announced_at, on or _day_of(as_of)))
    return sorted(items, key=catalogue_order)


def announced_series(app: PeerLearningApp) -> list[UUID]:
    topic = get_topic(PeerLearning.Announced)  # type: ignore[attr-defined]
    return [UUID(str(n.originator_id)) for n in notifications(app, topics=[topic])]


def _day_of(moment: datetime) -> date:
    """Without `on`, the status is the one shown on the day the answer stands for."""
    return moment.astimezone(PROGRAMME_TIMEZONE).date()
