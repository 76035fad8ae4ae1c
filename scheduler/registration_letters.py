"""The mails of a registration, in the reader's language: please confirm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from uuid import UUID

from babel.dates import format_datetime as local_datetime

from domain.clock import PROGRAMME_TIMEZONE
from scheduler.message import message_id_for

CONFIRM = "registration-confirm"

WORDS = {
    "de": {
        "subject": "Bitte bestätigen Sie Ihre Anmeldung: {title}",
        "body": (
            "Guten Tag {name},\n\n"
            "Sie haben {municipality} für das Peer-Learning „{title}“ angemeldet. "
            "Bitte bestätigen Sie die Anmeldung über diesen Link:\n\n{link}\n\n"
            "Der Link gilt bis {until}. Ohne Bestätigung verfällt die Anmeldung, und Ihre "
            "Angaben werden gelöscht.\n\n"
            "Wenn Sie sich nicht angemeldet haben, können Sie diese E-Mail ignorieren.\n"
        ),
    },
    "en": {
        "subject": "Please confirm your registration: {title}",
        "body": (
            "Hello {name},\n\n"
            "You registered {municipality} for the Peer-Learning “{title}”. "
            "Please confirm the registration with this link:\n\n{link}\n\n"
            "The link is valid until {until}. Unconfirmed, the registration lapses and your "
            "details are erased.\n\n"
            "If you did not register, you can ignore this mail.\n"
        ),
    },
}


@dataclass(frozen=True)
class ConfirmationLetter:
    registration_id: UUID
    title: str
    municipality: str
    name: str
    email: str
    locale: str
    link: str
    until: datetime


def confirmation_message(
    dispatch_id: UUID, letter: ConfirmationLetter, sender: str, now: datetime
) -> EmailMessage:
    words = WORDS.get(letter.locale, WORDS["de"])
    values = {
        "name": letter.name,
        "municipality": letter.municipality,
        "title": letter.title,
        "link": letter.link,
        "until": local_datetime(
            letter.until, "long", tzinfo=PROGRAMME_TIMEZONE, locale=letter.locale
        ),
    }
    message = EmailMessage()
    message["Subject"] = words["subject"].format(**values)
    message["From"] = sender
    message["To"] = formataddr((letter.name, letter.email))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id_for(dispatch_id)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(words["body"].format(**values))
    message["Content-Language"] = letter.locale  # set_content drops earlier Content-* headers
    return message
