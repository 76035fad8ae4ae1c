"""The .ics attachment (RFC 5545 / iTIP) of reminder mails, made with icalendar."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from peerlearning.ics import meeting_sequence, meeting_uid
from scheduler import wording
from scheduler.facts import MeetingFacts, Recipient

PRODID = "-//Peer-Learnings Smart Cities//Reminders//DE"


def calendar_for(
    purpose: str, meeting: MeetingFacts, recipient: Recipient, stamped_at: datetime
) -> bytes:
    cancelled = purpose == "cancellation"
    zone = recipient.zone(meeting)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    calendar.add_component(_timezone(zone, meeting.starts_at.year))
    calendar.add_component(_event(meeting, recipient, zone, stamped_at, cancelled))
    return bytes(calendar.to_ical())


def _event(
    meeting: MeetingFacts,
    recipient: Recipient,
    zone: str,
    stamped_at: datetime,
    cancelled: bool,
) -> Event:
    lang = wording.language(recipient.locale)
    kind = wording.capitalised(wording.meeting_kind(meeting.kind, lang))
    event = Event()
    event.add("uid", meeting_uid(meeting.meeting_id))
    event.add("sequence", meeting_sequence(meeting.schedule_version))
    event.add("dtstamp", stamped_at)
    event.add("dtstart", wording.local(meeting.starts_at, zone))
    event.add("dtend", wording.local(meeting.ends_at, zone))
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
    attendee = vCalAddress(f"mailto:{recipient.email}")
    attendee.params["cn"] = vText(recipient.name)
    event.add("attendee", attendee)
    return event


@lru_cache(maxsize=64)
def _timezone(zone: str, year: int) -> Timezone:
    """The VTIMEZONE of the zone, with the transitions around the meeting's year."""
    first, last = date(year - 1, 1, 1), date(year + 1, 12, 31)
    return Timezone.from_tzid(zone, first_date=first, last_date=last)
