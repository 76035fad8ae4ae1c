"""The mails after a registration's confirmation, in each reader's language: received,
admitted (with the planned meetings as .ics and the series' feed), waitlisted (with the
position) and declined (with the reason)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any
from uuid import UUID

from calendars.ics import feed_calendar, meeting_event
from scheduler.message import message_id_for

RECEIVED = "registration-received"
ADMITTED = "registration-admitted"
WAITLISTED = "registration-waitlisted"
DECLINED = "registration-declined"
NOTE = "registration-note"  # to the series' contact address: a registration was confirmed
PLANNED = ("scheduled", "rescheduled")

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "de": {
        NOTE: (
            "Neue Anmeldung: {municipality}",
            "{municipality} hat die Anmeldung für „{title}“ bestätigt. Bitte prüfen Sie sie "
            "(GET /registrations?state=confirmed).\n",
        ),
        RECEIVED: (
            "Anmeldung eingegangen: {title}",
            "Guten Tag {name},\n\nvielen Dank, Ihre Anmeldung von {municipality} ist bestätigt "
            "und bei uns eingegangen. Das Team prüft sie und meldet sich bei Ihnen.\n",
        ),
        ADMITTED: (
            "Sie sind dabei: {title}",
            "Guten Tag {name},\n\n{municipality} nimmt am Peer-Learning „{title}“ teil. "
            "Die geplanten Termine finden Sie im Anhang (.ics); alle Änderungen erhalten Sie "
            "im Kalender-Abonnement:\n\n{feed}\n",
        ),
        WAITLISTED: (
            "Warteliste: {title}",
            "Guten Tag {name},\n\ndas Peer-Learning „{title}“ ist derzeit voll. {municipality} "
            "steht auf Platz {position} der Warteliste; wird ein Platz frei, benachrichtigen "
            "wir Sie.\n",
        ),
        DECLINED: (
            "Ihre Anmeldung: {title}",
            "Guten Tag {name},\n\nleider können wir die Anmeldung von {municipality} für das "
            "Peer-Learning „{title}“ nicht annehmen. Der Grund: {reason}\n",
        ),
    },
    "en": {
        NOTE: (
            "New registration: {municipality}",
            "{municipality} confirmed its registration for “{title}”. Please review it "
            "(GET /registrations?state=confirmed).\n",
        ),
        RECEIVED: (
            "Registration received: {title}",
            "Hello {name},\n\nthank you, the registration of {municipality} is confirmed and "
            "has reached us. The team reviews it and gets in touch.\n",
        ),
        ADMITTED: (
            "You are in: {title}",
            "Hello {name},\n\n{municipality} takes part in the Peer-Learning “{title}”. "
            "The planned meetings are attached (.ics); subscribe to the calendar for every "
            "change:\n\n{feed}\n",
        ),
        WAITLISTED: (
            "Waiting list: {title}",
            "Hello {name},\n\nthe Peer-Learning “{title}” is full at the moment. {municipality} "
            "is number {position} on the waiting list; we let you know when a seat is free.\n",
        ),
        DECLINED: (
            "Your registration: {title}",
            "Hello {name},\n\nwe are sorry, we cannot accept the registration of "
            "{municipality} for the Peer-Learning “{title}”. The reason: {reason}\n",
        ),
    },
}


@dataclass(frozen=True)
class OutcomeLetter:
    purpose: str
    recipient_id: UUID
    name: str
    email: str
    locale: str
    values: dict[str, Any]
    meetings: tuple[dict[str, Any], ...] = ()
    series: dict[str, Any] | None = None


def outcome_message(
    dispatch_id: UUID, letter: OutcomeLetter, sender: str, now: datetime
) -> EmailMessage:
    subject, body = WORDS.get(letter.locale, WORDS["de"])[letter.purpose]
    values = {**letter.values, "name": letter.name}
    message = EmailMessage()
    message["Subject"] = subject.format(**values)
    message["From"] = sender
    message["To"] = formataddr((letter.name, letter.email))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id_for(dispatch_id)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body.format(**values))
    if letter.purpose == ADMITTED and letter.series is not None:
        planned = [m for m in letter.meetings if m["state"] in PLANNED]
        events = [meeting_event(m, letter.series, now) for m in planned]
        calendar = feed_calendar(str(letter.series["title"]), events).to_ical()
        message.add_attachment(
            calendar, maintype="text", subtype="calendar", filename="peer-learning.ics"
        )
    message["Content-Language"] = letter.locale
    return message
