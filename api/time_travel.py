"""Replies for `?version=` and `?as_of=`: the series and catalogue as once recorded."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from api.context import services
from audit.catalogue_filter import catalogue_page_as_of
from audit.time_travel import series_as_of


def series_then(
    peer_learning_id: UUID, on: date | None, version: int | None, as_of: datetime | None
) -> dict[str, Any]:
    return series_as_of(services().app, peer_learning_id, version=version, as_of=as_of, on=on)


def catalogue_then(
    as_of: datetime, on: date | None, page: int, per_page: int, **filters: Any
) -> dict[str, Any]:
    items, total = catalogue_page_as_of(services().app, as_of, on, page, per_page, **filters)
    return {"items": items, "total": total, "page": page, "per_page": per_page}
