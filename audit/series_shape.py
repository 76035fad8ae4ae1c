"""A series replayed from events, in the same dict shape the live views give."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from domain.day_facts import Fact
from domain.day_state import DayState, recorded_state, state_on
from domain.peer_learning import PeerLearning
from domain.status import SECTIONS
from domain.values import Meeting
from projections.catalogue.day_items import item_on_day, meetings_on_day


def series_item(
    series: PeerLearning, facts: list[Fact], announced_at: datetime, on: date, dated: bool = True
) -> dict[str, Any]:
    """The catalogue item of `series` on the programme day `on`: the values of the day come
    from its facts through `domain.day_state`, as in the live catalogue."""
    return _item(series, announced_at, _state(series, facts, on, dated))


def _item(series: PeerLearning, announced_at: datetime, state: DayState) -> dict[str, Any]:
    d = series.details
    item = {
        "id": series.id,
        "title": d.title,
        "host": d.host,
        "summary": d.summary,
        "topics": list(d.topics),
        "scope": d.scope,
        "regions": list(d.regions),
        "format": d.format,
        "location": d.location,
        "starts_on": d.starts_on,
        "ends_on": d.ends_on,
        "planned_meetings": d.planned_meetings,
        "capacity": d.capacity,
        "agenda_url": d.agenda_url,
        "contact_email": d.contact_email,
        "timezone": d.timezone,
        "remind_on_site": bool(d.remind_on_site),
        "reminder_offsets": list(d.reminder_offsets) if d.reminder_offsets else None,
        "announced_at": announced_at.astimezone(UTC),
        "version": series.version,
    }
    return item_on_day(item, state)


def series_detail(
    series: PeerLearning, facts: list[Fact], announced_at: datetime, on: date, dated: bool = True
) -> dict[str, Any]:
    state = _state(series, facts, on, dated)
    detail = _item(series, announced_at, state)
    meetings = [meeting_item(series.id, m) for m in series.meetings.values()]
    detail["meetings"] = meetings_on_day(meetings, state)
    return detail


def _state(series: PeerLearning, facts: list[Fact], on: date, dated: bool) -> DayState:
    d = series.details
    return (state_on if dated else recorded_state)(on, d.starts_on, facts, d.timezone)


def meeting_item(series_id: UUID, m: Meeting) -> dict[str, Any]:
    return {
        "meeting_id": m.meeting_id,
        "peer_learning_id": series_id,
        "kind": m.kind,
        "title": m.title,
        "starts_at": _utc(m.starts_at),
        "ends_at": _utc(m.ends_at),
        "mode": m.mode,
        "video_url": m.video_url,
        "location": m.location,
        "state": m.state,
        "schedule_version": m.schedule_version,
        "attendance": m.attendance,
    }


def catalogue_order(item: dict[str, Any]) -> tuple[Any, ...]:
    """The seed page's order: by section, then as `ORDER_SQL` in the live catalogue's rules
    (proven equal by property tests)."""
    ends_on: date | None = item["ends_on"]
    return (
        SECTIONS.index(item["status"]),
        item["starts_on"].toordinal() if item["status"] == SECTIONS[0] else 0,
        ends_on is None,
        -ends_on.toordinal() if ends_on else 0,
        -item["starts_on"].toordinal(),
        item["title"],
        str(item["id"]),
    )


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
