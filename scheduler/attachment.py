"""The .ics attachment (RFC 5545 / iTIP) of reminder mails, made with icalendar.

The calendar of one meeting is rendered once per purpose, zone and language; each mail
only puts in its attendee and time stamp.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

from icalendar import Calendar, Event, vCalAddress, vText

from calendars.ics import meeting_sequence, meeting_uid
from calendars.zones import zone_component
from scheduler.facts import MeetingFacts, Recipient
from wording.catalogues import language
from wording.dates import local
from wording.glossary import capitalised, meeting_kind

PRODID = "-//Peer-Learnings Smart Cities//Reminders//DE"
STAMP_SLOT = datetime(1970, 1, 1, tzinfo=UTC)
ATTENDEE_SLOT = ("attendee", "attendee@invalid")


def calendar_for(
    purpose: str, meeting: MeetingFacts, recipient: Recipient, stamped_at: datetime
) -> bytes:
    zone = recipient.zone(meeting)
    template = _calendar(purpose, meeting, zone, language(recipient.locale))
    stamp = stamped_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ").encode()
    return template.replace(
        _attendee_line(*ATTENDEE_SLOT), _attendee_line(recipient.name, recipient.email)
    ).replace(b"DTSTAMP:19700101T000000Z", b"DTSTAMP:" + stamp)


@lru_cache(maxsize=512)
def _calendar(purpose: str, meeting: MeetingFacts, zone: str, lang: str) -> bytes:
    cancelled = purpose == "cancellation"
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    calendar.add_component(zone_component(zone, *_years(meeting, zone)))
    calendar.add_component(_event(meeting, zone, lang, cancelled))
    return bytes(calendar.to_ical())


def _event(meeting: MeetingFacts, zone: str, lang: str, cancelled: bool) -> Event:
    kind = capitalised(meeting_kind(meeting.kind, lang))
    event = Event()
    event.add("uid", meeting_uid(meeting.meeting_id))
    event.add("sequence", meeting_sequence(meeting.schedule_version, cancelled))
    event.add("dtstamp", STAMP_SLOT)
    event.add("dtstart", local(meeting.starts_at, zone))
    event.add("dtend", local(meeting.ends_at, zone))
    event.add("summary", f"{kind}: {meeting.series_title}")
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    place = meeting.location if meeting.mode != "virtual" else meeting.video_url
    if place:
        event.add("location", place)
    if meeting.video_url and meeting.mode != "on_site":
        event.add("url", meeting.video_url)
    organizer = vCalAddress(f"mailto:{meeting.contact_email}")
    organizer.params["cn"] = vText(meeting.host)
    event.add("organizer", organizer)
    event.add("attendee", _address(*ATTENDEE_SLOT))
    return event


def _address(name: str, email: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    return address


@lru_cache(maxsize=4096)
def _attendee_line(name: str, email: str) -> bytes:
    """The folded ATTENDEE content line, exactly as icalendar writes it in an event."""
    line = Event().content_line("ATTENDEE", _address(name, email))
    return bytes(line.to_ical()) + b"\r\n"


def _years(meeting: MeetingFacts, zone: str) -> tuple[int, int]:
    """The local years the meeting starts and ends in: the years its VTIMEZONE covers."""
    return local(meeting.starts_at, zone).year, local(meeting.ends_at, zone).year
