"""The columns of a series' row and of a meeting's row, from the domain's values."""

from __future__ import annotations

from typing import Any

from domain.values import Meeting, SeriesDetails
from projections.catalogue.rules import names_text
from projections.view import iso_day, iso_moment, key


def details_columns(d: SeriesDetails) -> dict[str, Any]:
    return {
        "title": d.title,
        "host": d.host,
        "summary": d.summary,
        "topics": list(d.topics),
        "topics_text": names_text(d.topics),
        "scope": d.scope,
        "regions": list(d.regions),
        "regions_text": names_text(d.regions),
        "format": d.format,
        "location": d.location,
        "starts_on": iso_day(d.starts_on),
        "ends_on": iso_day(d.ends_on),
        "planned_meetings": d.planned_meetings,
        "capacity": d.capacity,
        "agenda_url": d.agenda_url,
        "contact_email": d.contact_email,
        "timezone": d.timezone,
        "remind_on_site": int(d.remind_on_site),
        "reminder_offsets": list(d.reminder_offsets) if d.reminder_offsets else None,
        "search_text": f"{d.title}\n{d.summary}\n{d.host}".casefold(),
    }


def meeting_row(series_id: str, m: Meeting) -> dict[str, Any]:
    return {
        "meeting_id": key(m.meeting_id),
        "peer_learning_id": series_id,
        "kind": m.kind,
        "title": m.title,
        "starts_at": iso_moment(m.starts_at),
        "ends_at": iso_moment(m.ends_at),
        "mode": m.mode,
        "video_url": m.video_url,
        "location": m.location,
        "state": m.state,
        "schedule_version": m.schedule_version,
        "timed_version": m.schedule_version,
        "changed_at": None,
        "attendance": m.attendance,
    }
