"""Calendar (RFC 5545) conventions shared by feeds and reminder attachments."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vText

from calendars.zones import zone_component
from domain.values import is_web_link
from wording.catalogues import DEFAULT_LANGUAGE, N_, translations
from wording.glossary import capitalised, meeting_kind

UID_DOMAIN = "peer-learnings.smart-cities"


def meeting_uid(meeting_id: UUID | str) -> str:
    """The stable UID of a meeting: the same in every feed and every reminder."""
    return f"meeting-{meeting_id}@{UID_DOMAIN}"


def meeting_sequence(schedule_version: int, cancelled: bool = False) -> int:
    """SEQUENCE rises with every change: 0 for the first schedule, one more for each
    reschedule, and one more again once the meeting is cancelled."""
    return max(schedule_version - 1, 0) + (1 if cancelled else 0)


PRODID = "-//Start Smart//Peer-Learnings//DE"
FEED_TIMEZONE = "Europe/Berlin"
FEED_LANGUAGE = DEFAULT_LANGUAGE  # a feed has one language for all its subscribers
CANCELLED = "cancelled"


def meeting_event(
    meeting: Mapping[str, Any],
    series: Mapping[str, Any],
    stamp: datetime,
    lang: str = FEED_LANGUAGE,
) -> Event:
    """One meeting as a VEVENT in `lang` (a mail's in its reader's); `series` needs title,
    host, timezone, agenda_url, contact_email.

    Only public facts go in: no participants, no video link.
    """
    zone = ZoneInfo(series.get("timezone") or FEED_TIMEZONE)
    event = Event()
    event.add("uid", meeting_uid(meeting["meeting_id"]))
    cancelled = meeting["state"] == CANCELLED
    event.add("sequence", meeting_sequence(meeting["schedule_version"], cancelled))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("last-modified", stamp.astimezone(UTC))
    event.add("dtstart", meeting["starts_at"].astimezone(zone))
    event.add("dtend", meeting["ends_at"].astimezone(zone))
    kind = capitalised(meeting_kind(meeting["kind"], lang))
    event.add("summary", f"{kind}: {series['title']}")
    event.add("description", _description(meeting, series, lang))
    event.add("location", meeting.get("location") or _words(lang)(N_("feed.online")))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    if agenda_link(series):
        event.add("url", series["agenda_url"])
    return event


def agenda_link(series: Mapping[str, Any]) -> str | None:
    """The agenda as a link, if it is one: older records may hold any text there."""
    link = series.get("agenda_url")
    return link if link and is_web_link(link) else None


def series_of(upcoming: Mapping[str, Any]) -> dict[str, Any]:
    """The series facts `meeting_event` needs, from an item of `upcoming_meetings()`."""
    return {
        "title": upcoming["series_title"],
        "host": upcoming["host"],
        "timezone": upcoming["timezone"],
        "agenda_url": upcoming.get("agenda_url"),
        "contact_email": upcoming["contact_email"],
    }


def _words(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def _description(meeting: Mapping[str, Any], series: Mapping[str, Any], lang: str) -> str:
    _ = _words(lang)
    lines = [_("feed.description").format(title=series["title"], host=series["host"])]
    if meeting.get("title"):
        lines.append(str(meeting["title"]))
    if series.get("agenda_url"):
        lines.append(_("feed.agenda").format(link=series["agenda_url"]))
    lines.append(_("feed.contact").format(email=series["contact_email"]))
    return "\n".join(lines)


def feed_calendar(name: str, events: Iterable[Event]) -> Calendar:
    """A subscribable calendar: the events and the VTIMEZONE of every zone they use, for
    the years they fall in."""
    events = list(events)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(name))  # a text value: escaped, never a raw line
    calendar.add("x-wr-timezone", FEED_TIMEZONE)
    for zone in zones_of(events):
        calendar.add_component(zone)
    for event in events:
        calendar.add_component(event)
    return calendar


def zones_of(events: list[Event]) -> list[Timezone]:
    """One VTIMEZONE per zone the events name, covering the years of its events."""
    years: dict[str, list[int]] = {}
    for event in events:
        for name in ("dtstart", "dtend"):
            moment = event.decoded(name)
            years.setdefault(moment.tzinfo.key, []).append(moment.year)
    return [zone_component(tzid, min(y), max(y)) for tzid, y in sorted(years.items())]
