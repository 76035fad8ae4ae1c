"""The reads of the public page beyond the catalogue: its filter choices, its cards' times."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from projections.view import parse_moment
from store.db import ViewDb, marks


def filter_choices(db: ViewDb) -> dict[str, list[str]]:
    """Every topic, region and format of the catalogue, in one query over distinct values."""
    with db.transaction() as tx:
        found = tx.fetchall("SELECT DISTINCT topics, regions, format FROM view_catalogue")
    topics = {t for row in found for t in json.loads(row[0] or "[]")}
    regions = {r for row in found for r in json.loads(row[1] or "[]")}
    return {
        "topic": sorted(topics, key=str.casefold),
        "region": sorted(regions, key=str.casefold),
        "format": sorted({row[2] for row in found}),
    }


def meeting_times(db: ViewDb, series_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The start, end and state of every meeting of the given series, in one query."""
    if not series_ids:
        return {}
    with db.transaction() as tx:
        found = tx.fetchall(
            "SELECT peer_learning_id, starts_at, ends_at, state FROM view_meetings "
            f"WHERE peer_learning_id IN ({marks(series_ids)}) ORDER BY starts_at, meeting_id",
            [str(i) for i in series_ids],
        )
    times: dict[str, list[dict[str, Any]]] = {str(i): [] for i in series_ids}
    for series_id, starts_at, ends_at, state in found:
        times[str(series_id)].append(
            {"starts_at": parse_moment(starts_at), "ends_at": parse_moment(ends_at), "state": state}
        )
    return times
