"""The mail that asks a person to confirm a new address, sent to that address at once.

It is sent while the person waits on their self-service page, not claimed as a dispatch:
nothing has changed yet, and if it does not go out the page says so and they ask again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from uuid import uuid4

from scheduler.addressee import addressee
from scheduler.courier import Outbox
from scheduler.message import message_id_for
from wording.catalogues import translations


@dataclass(frozen=True)
class AddressLetter:
    name: str
    email: str  # the new address, still to be confirmed
    locale: str
    link: str


def address_message(letter: AddressLetter, sender: str, now: datetime) -> EmailMessage:
    _ = translations(letter.locale).gettext
    values = {"name": letter.name, "email": letter.email, "link": letter.link}
    message = EmailMessage()
    message["Subject"] = _("address.mail.subject")
    message["From"] = sender
    message["To"] = addressee(letter.name, letter.email)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id_for(uuid4())
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(_("address.mail.body").format(**values))
    message["Content-Language"] = letter.locale
    return message


def send_address_letter(outbox: Outbox, letter: AddressLetter, sender: str, now: datetime) -> None:
    """Sends the mail; any failure of the mail server is the caller's to answer."""
    with outbox.session() as mailbox:
        mailbox.send(address_message(letter, sender, now))
