"""Sample series and meetings, shaped like the seed catalogue."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tests.support.keys import key_for

BERLIN = ZoneInfo("Europe/Berlin")


def series_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "Urbane Digitale Zwillinge als Helfer für eine wassersensible Stadt",
        "host": "Stadt Wuppertal",
        "summary": "Wie ein Digitaler Zwilling bei Starkregen hilft.",
        "topics": ["Digitaler Zwilling", "Klimaanpassung"],
        "scope": "thematic",
        "regions": [],
        "format": "virtual",
        "location": None,
        "starts_on": date(2024, 10, 1),
        "ends_on": date(2025, 8, 31),
        "planned_meetings": 6,
        "capacity": None,
        "agenda_url": "https://example.org/agenda",
        "contact_email": "startsmart@example.org",
    }
    fields.update(overrides)
    return fields


def announce(app: Any, actor: str = "anna", **overrides: Any) -> UUID:
    return app.announce(actor=actor, **series_fields(**overrides))  # type: ignore[no-any-return]


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def schedule(
    app: Any,
    series_id: UUID,
    kind: str,
    day: date,
    start: int = 10,
    end: int = 12,
    mode: str = "virtual",
    **extra: Any,
) -> UUID:
    return app.schedule_meeting(  # type: ignore[no-any-return]
        series_id,
        kind,
        at(day, start),
        at(day, end),
        mode,
        actor="anna",
        video_url=extra.pop("video_url", "https://video.example.org/room"),
        **extra,
    )


def municipality(name: str = "Stadt Arnsberg", **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "key": extra.get("key", key_for(name)),
        "state": extra.get("state", "NRW"),
        "region": extra.get("region", "Südwestfalen"),
    }
