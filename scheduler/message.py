"""One reminder mail: text and HTML alternatives, the .ics attachment, a stable Message-ID."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from uuid import UUID

from peerlearning.ics import UID_DOMAIN
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
) -> EmailMessage:
    content = compose(purpose, meeting, recipient, late=late)
    message = EmailMessage()
    message["Subject"] = content.subject
    message["From"] = sender
    message["To"] = formataddr((recipient.name, recipient.email))
    message["Reply-To"] = meeting.contact_email
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id_for(dispatch_id)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(as_text(content))
    message.add_alternative(as_html(content), subtype="html")
    method = "CANCEL" if purpose == "cancellation" else "REQUEST"
    message.add_attachment(
        calendar_for(purpose, meeting, recipient, now),
        maintype="text",
        subtype="calendar",
        filename="cancel.ics" if method == "CANCEL" else "invite.ics",
        params={"method": method},
    )
    message["Content-Language"] = content.language  # after the parts: they move Content-*
    return message
