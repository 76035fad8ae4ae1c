"""The mails of a registration, in the reader's language: please confirm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from uuid import UUID

from babel.dates import format_datetime as local_datetime

from domain.clock import PROGRAMME_TIMEZONE
from scheduler.letter_mail import letter_mail
from scheduler.message import message_id_for
from wording.catalogues import cldr_locale, translations

CONFIRM = "registration-confirm"


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
) -> Message:
    _ = translations(letter.locale).gettext
    values = {
        "name": letter.name,
        "municipality": letter.municipality,
        "title": letter.title,
        "link": letter.link,
        "until": local_datetime(
            letter.until, "long", tzinfo=PROGRAMME_TIMEZONE, locale=cldr_locale(letter.locale)
        ),
    }
    return letter_mail(
        subject=_("registration.confirm.subject").format(**values),
        to=(letter.name, letter.email),
        sender=sender,
        now=now,
        message_id=message_id_for(dispatch_id),
        text=_("registration.confirm.body").format(**values),
        locale=letter.locale,
    )
