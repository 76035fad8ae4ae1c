"""Catalogue rows turned into the dicts the readers get: real dates, moments, ids, booleans."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from projections.view import parse_day, parse_moment

_DAYS = (
    "starts_on",
    "ends_on",
    "kickoff_held_on",
    "reflection_held_on",
    "closed_on",
    "withdrawn_on",
)
_HIDDEN = ("topics_text", "regions_text", "admitted_ids", "waitlist_ids", "search_text")


def catalogue_item(row: dict[str, Any], status: str, next_meeting: str | None) -> dict[str, Any]:
    item = {k: v for k, v in row.items() if k not in _HIDDEN}
    for column in _DAYS:
        item[column] = parse_day(row[column])
    item.update(
        id=UUID(row["id"]),
        status=status,
        joining_open=bool(row["joining_open"]),
        remind_on_site=bool(row["remind_on_site"]),
        next_meeting=parse_moment(next_meeting),
        announced_at=parse_moment(row["announced_at"]),
    )
    return item


def meeting_item(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "meeting_id": UUID(row["meeting_id"]),
        "peer_learning_id": UUID(row["peer_learning_id"]),
        "starts_at": parse_moment(row["starts_at"]),
        "ends_at": parse_moment(row["ends_at"]),
    }


def shown_meeting(row: dict[str, Any]) -> dict[str, Any]:
    """A meeting as the detail shows it: without what only the reminders need."""
    item = meeting_item(row)
    del item["timed_version"], item["changed_at"]
    return item


def upcoming_item(meeting: dict[str, Any], series: tuple[Any, ...]) -> dict[str, Any]:
    title, host, timezone, fmt, remind_on_site, offsets, agenda_url, contact = series
    return {
        **meeting_item(meeting),
        "series_title": title,
        "host": host,
        "timezone": timezone,
        "format": fmt,
        "remind_on_site": bool(remind_on_site),
        "reminder_offsets": json.loads(offsets) if offsets else None,
        "agenda_url": agenda_url,
        "contact_email": contact,
    }
