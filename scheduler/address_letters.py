"""The mail that asks a person to confirm a new address, sent to that address at once.

It is sent while the person waits on their self-service page, not claimed as a dispatch:
nothing has changed yet, and if it does not go out the page says so and they ask again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from uuid import uuid4

from scheduler.courier import Outbox
from scheduler.letter_mail import letter_mail
from scheduler.message import message_id_for
from wording.catalogues import translations


@dataclass(frozen=True)
class AddressLetter:
    name: str
    email: str  # the new address, still to be confirmed
    locale: str
    link: str


def address_message(letter: AddressLetter, sender: str, now: datetime) -> Message:
    _ = translations(letter.locale).gettext
    values = {"name": letter.name, "email": letter.email, "link": letter.link}
    return letter_mail(
        subject=_("address.mail.subject"),
        to=(letter.name, letter.email),
        sender=sender,
        now=now,
        message_id=message_id_for(uuid4()),
        text=_("address.mail.body").format(**values),
        locale=letter.locale,
    )


def send_address_letter(outbox: Outbox, letter: AddressLetter, sender: str, now: datetime) -> None:
    """Sends the mail; any failure of the mail server is the caller's to answer."""
    with outbox.session() as mailbox:
        mailbox.send(address_message(letter, sender, now))
