"""The live catalogue's filters and pages, applied to a catalogue replayed as of a moment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from application.app import PeerLearningApp
from audit.time_travel import catalogue_as_of


def matches(
    item: dict[str, Any],
    status: str | None = None,
    topic: str | None = None,
    region: str | None = None,
    format: str | None = None,
    q: str | None = None,
) -> bool:
    def folded(values: list[str]) -> set[str]:
        return {v.casefold() for v in values}

    text = f"{item['title']}\n{item['summary']}\n{item['host']}".casefold()
    return (
        (not status or item["status"] == status)
        and (not topic or topic.strip().casefold() in folded(item["topics"]))
        and (not region or region.strip().casefold() in folded(item["regions"]))
        and (not format or item["format"] == format)
        and (not q or q.strip().casefold() in text)
    )


def catalogue_page_as_of(
    app: PeerLearningApp,
    as_of: datetime,
    on: date | None = None,
    page: int = 1,
    per_page: int = 20,
    **filters: Any,
) -> tuple[list[dict[str, Any]], int]:
    """Like `ViewQueries.catalogue`, but as the system knew it at `as_of`."""
    found = [item for item in catalogue_as_of(app, as_of, on) if matches(item, **filters)]
    start = (page - 1) * per_page
    return found[start : start + per_page], len(found)
