"""Validating what the team announces about a series."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from domain.durations import parse_offsets
from domain.errors import InvalidValue
from domain.values import (
    Format,
    Scope,
    SeriesDetails,
    require_day,
    require_email,
    require_enum,
    require_line,
    require_link,
    require_text,
    require_timezone,
)

REVISABLE = frozenset(SeriesDetails.__dataclass_fields__)
MOST_LIST_ITEMS = 50


def _texts(values: Any, what: str) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise InvalidValue(f"{what} must be a list of texts.")
    if len(values) > MOST_LIST_ITEMS:
        raise InvalidValue(f"{what} may name at most {MOST_LIST_ITEMS} entries.")
    return tuple(dict.fromkeys(require_line(v, what, 100) for v in values))  # each once


def _url(value: str | None, what: str) -> str | None:
    return None if value is None else require_link(value, what)


def check_details(d: SeriesDetails) -> SeriesDetails:
    details = replace(
        d,
        title=require_line(d.title, "Title", 300),
        host=require_line(d.host, "Host", 300),
        summary=require_text(d.summary, "Summary", 10000),
        topics=_texts(d.topics, "Topics"),
        scope=require_enum(Scope, d.scope, "Scope"),
        regions=_texts(d.regions, "Regions"),
        format=require_enum(Format, d.format, "Format"),
        location=require_line(d.location, "Location", 300) if d.location else None,
        agenda_url=_url(d.agenda_url, "Agenda URL"),
        contact_email=require_email(d.contact_email, "Contact e-mail"),
        timezone=require_timezone(d.timezone),
        reminder_offsets=parse_offsets(d.reminder_offsets) if d.reminder_offsets else None,
    )
    _check_numbers(details)
    _check_scope(details)
    return details


def _check_numbers(d: SeriesDetails) -> None:
    require_day(d.starts_on, "The start date")
    if d.ends_on is not None:
        require_day(d.ends_on, "The end date")
    if d.ends_on is not None and d.ends_on < d.starts_on:
        raise InvalidValue("The series cannot end before it starts.")
    if not isinstance(d.planned_meetings, int) or not 1 <= d.planned_meetings <= 100:
        raise InvalidValue("Planned meetings must be between 1 and 100.")
    if d.capacity is not None and not 1 <= d.capacity <= 10000:
        raise InvalidValue("Capacity must be between 1 and 10000 municipalities.")


def _check_scope(d: SeriesDetails) -> None:
    if d.scope == Scope.REGIONAL and not d.regions:
        raise InvalidValue("A regional series must name the regions it admits.")
    if d.format in (Format.ON_SITE, Format.HYBRID) and not d.location:
        raise InvalidValue(f"A series held {d.format} needs a location.")


def revise(current: SeriesDetails, changes: dict[str, Any]) -> SeriesDetails:
    unknown = set(changes) - REVISABLE
    if unknown:
        raise InvalidValue(f"Unknown fields: {', '.join(sorted(unknown))}.")
    normalised: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in changes.items()
    }
    return check_details(replace(current, **normalised))
