"""One reminder mail: text and HTML alternatives, the .ics attachment, a stable Message-ID.

Built with the compat32 MIME classes: several times faster than EmailMessage's header
registry, which matters when thousands of reminders go out at once.
"""

from __future__ import annotations

import re
from datetime import datetime
from email.base64mime import body_encode
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import format_datetime, formataddr
from uuid import UUID

from calendars.ics import UID_DOMAIN
from scheduler.attachment import calendar_for
from scheduler.content import compose
from scheduler.facts import MeetingFacts, Recipient
from scheduler.rendering import as_html, as_text


def message_id_for(dispatch_id: UUID) -> str:
    """The same for every attempt, so a mail sent twice after a crash folds into one."""
    return f"<{dispatch_id.hex}@{UID_DOMAIN}>"


def build_message(
    dispatch_id: UUID,
    purpose: str,
    meeting: MeetingFacts,
    recipient: Recipient,
    sender: str,
    now: datetime,
    late: bool = False,
    decline_url: str | None = None,
    self_service_url: str | None = None,
) -> Message:
    content = compose(
        purpose,
        meeting,
        recipient,
        late=late,
        decline_url=decline_url,
        self_service_url=self_service_url,
    )
    message = MIMEMultipart("mixed", boundary=_boundary(dispatch_id, "mixed"))
    message["Subject"] = header_text(one_line(content.subject))  # type: ignore[assignment]
    message["From"] = sender
    message["To"] = _addressee(recipient)  # type: ignore[assignment]
    message["Reply-To"] = header_safe(meeting.contact_email, "The contact address")
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id_for(dispatch_id)
    message["Content-Language"] = content.language
    message["Auto-Submitted"] = "auto-generated"
    alternatives = MIMEMultipart("alternative", boundary=_boundary(dispatch_id, "alt"))
    alternatives.attach(text_part(as_text(content), "plain"))
    alternatives.attach(text_part(as_html(content), "html"))
    message.attach(alternatives)
    message.attach(_calendar_part(purpose, meeting, recipient, now))
    return message


def _calendar_part(
    purpose: str, meeting: MeetingFacts, recipient: Recipient, now: datetime
) -> Message:
    method = "CANCEL" if purpose == "cancellation" else "REQUEST"
    part = text_part(calendar_for(purpose, meeting, recipient, now), "calendar", method)
    filename = "cancel.ics" if method == "CANCEL" else "invite.ics"
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


def text_part(text: str | bytes, subtype: str, method: str | None = None) -> Message:
    """A UTF-8 text part in base64, as MIMEText(text, subtype, "utf-8") makes it, with an
    iTIP `method` in its Content-Type, without parsing that header back per parameter."""
    part = (
        MIMENonMultipart("text", subtype, charset="utf-8", method=method)
        if method
        else MIMENonMultipart("text", subtype, charset="utf-8")
    )
    part["Content-Transfer-Encoding"] = "base64"
    part.set_payload(body_encode(text.encode() if isinstance(text, str) else text))
    return part


def _boundary(dispatch_id: UUID, part: str) -> str:
    """Set here, the generator need not search the flattened parts for a free one. "=_"
    cannot occur in the base64 and quoted-printable bodies these parts hold."""
    return f"=_{part}_{dispatch_id.hex}"


class UnbuildableMail(ValueError):
    """A value of the mail cannot go into it; the message names the field, never the value."""


# Characters that end or break a header line, or that no header may hold.
BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
LONGEST_LINE = 900  # below SMTP's 998, with room for the header's name


def header_safe(value: str, what: str) -> str:
    if BREAKING.search(value):
        raise UnbuildableMail(f"{what} holds a line break or control character.")
    return value


def one_line(text: str) -> str:
    """Our own sentences (the subject) stay on one line whatever the series title holds."""
    return BREAKING.sub(" ", text)


def _addressee(recipient: Recipient) -> str | Header:
    name = header_safe(recipient.name, "The recipient's name")
    return mailbox(name, header_safe(recipient.email, "The recipient's address"))


def mailbox(name: str, email: str) -> str | Header:
    """One person's mailbox for `To`, written as given: compat32 never reads a value back as
    header syntax. A name that looks like an encoded word (`=?utf-8?q?...?=`) is encoded as
    a whole, so a reader sees its characters, not what they would decode to."""
    plain = formataddr((name, email), charset="utf-8")
    if len(plain) <= LONGEST_LINE and "=?" not in name:
        return plain
    folded = Header(name, "utf-8")  # encoded words, folded over as many lines as it takes
    folded.append(f"<{email}>", "us-ascii")
    return folded


def header_text(text: str) -> str | Header:
    """A header of our own words and the series' values (a subject), written as given, or
    encoded as a whole where it holds more than short ASCII or looks like an encoded word."""
    plain = text.isascii() and "=?" not in text and len(text) <= LONGEST_LINE
    return text if plain else Header(text, "utf-8")
