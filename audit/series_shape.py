"""A series replayed from events, in the same dict shape the live views give."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from typing import Any
from uuid import UUID

from domain.clock import PROGRAMME_TIMEZONE
from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.status import SECTIONS
from domain.values import Meeting, MeetingState


def series_item(
    series: PeerLearning,
    admitted: Iterable[Enrollment],
    announced_at: datetime,
    on: date,
) -> dict[str, Any]:
    """The catalogue item of `series` on the programme day `on`."""
    d = series.details
    meetings = list(series.meetings.values())
    return {
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
        "kickoff_held_on": series.kickoff_held_on,
        "reflection_held_on": series.reflection_held_on,
        "closed_on": series.closed_on,
        "withdrawn_on": series.withdrawn_on,
        "joining_open": bool(series.joining_open),
        "planned_meetings": d.planned_meetings,
        "capacity": d.capacity,
        "agenda_url": d.agenda_url,
        "contact_email": d.contact_email,
        "timezone": d.timezone,
        "remind_on_site": bool(d.remind_on_site),
        "reminder_offsets": list(d.reminder_offsets) if d.reminder_offsets else None,
        "meetings_held": sum(m.state == MeetingState.HELD for m in meetings),
        "meetings_scheduled": sum(m.state != MeetingState.CANCELLED for m in meetings),
        "municipalities": len(series.admitted),
        "waitlisted": len(series.waitlist),
        "participants": sum(len(e.active_participants) for e in admitted),
        "announced_at": announced_at.astimezone(UTC),
        "version": series.version,
        "status": series.status_on(on).value,
        "next_meeting": _next_meeting(meetings, on),
    }


def series_detail(
    series: PeerLearning, admitted: Iterable[Enrollment], announced_at: datetime, on: date
) -> dict[str, Any]:
    detail = series_item(series, admitted, announced_at, on)
    meetings = sorted(
        series.meetings.values(), key=lambda m: (_utc(m.starts_at), str(m.meeting_id))
    )
    detail["meetings"] = [meeting_item(series.id, m) for m in meetings]
    return detail


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


def _next_meeting(meetings: list[Meeting], on: date) -> datetime | None:
    start_of_day = datetime.combine(on, time(0), tzinfo=PROGRAMME_TIMEZONE)
    upcoming = [
        _utc(m.starts_at)
        for m in meetings
        if m.state != MeetingState.CANCELLED and m.starts_at >= start_of_day
    ]
    return min(upcoming, default=None)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
