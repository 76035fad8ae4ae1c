"""The mail of a one-off letter (a registration's confirmation or outcome, a new address):
one text and at most one calendar, built like the reminders with the compat32 classes.

`EmailMessage` reads every header value back through its header registry, which decodes an
encoded word in a name or a title: `=?utf-8?q?Eva=0D=0AReply-To:_x@evil.example?=` then went
out as a header line of its own. Here nothing a person typed is read as header syntax.
"""

from __future__ import annotations

from datetime import datetime
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.utils import format_datetime

from scheduler.message import header_text, mailbox, one_line, text_part


def letter_mail(
    *,
    subject: str,
    to: tuple[str, str],
    sender: str,
    now: datetime,
    message_id: str,
    text: str,
    locale: str,
    calendar: bytes | None = None,
) -> Message:
    """The letter to `to` (name, address), its text, and the calendar if there is one."""
    message = body = text_part(text, "plain")
    if calendar is not None:
        message = MIMEMultipart("mixed")
        message.attach(body)
        attached = text_part(calendar, "calendar")
        attached.add_header("Content-Disposition", "attachment", filename="peer-learning.ics")
        message.attach(attached)
    message["Subject"] = header_text(one_line(subject))  # type: ignore[assignment]
    message["From"] = sender
    message["To"] = mailbox(one_line(to[0]), to[1])  # type: ignore[assignment]
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message["Content-Language"] = locale
    return message
