"""Handing mails to the SMTP server, and telling transient from permanent failures."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from email.errors import MessageError
from email.message import Message
from email.utils import getaddresses
from typing import Protocol

from runtime.request_ids import current_request_id
from scheduler.redaction import redacted
from scheduler.settings import SmtpSettings

log = logging.getLogger(__name__)
REQUEST_ID = "X-Request-ID"


class DeliveryProblem(Exception):
    """The mail was not accepted; the message says why."""


class TransientFailure(DeliveryProblem):
    """Try again later: the server is down, busy or answered 4xx."""


class ConnectionLost(TransientFailure):
    """The connection is gone; every further mail in this session would fail too."""


class PermanentFailure(DeliveryProblem):
    """The server refused this recipient or mail for good (5xx); do not retry."""


class Mailbox(Protocol):
    def send(self, message: Message) -> None: ...


class SmtpOutbox:
    """Opens one SMTP session per batch of mails; each send is classified."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    @contextmanager
    def session(self) -> Iterator[Mailbox]:
        try:
            client = self._connect()
        except (OSError, smtplib.SMTPException) as error:
            raise ConnectionLost(_describe(error, ())) from error
        try:
            yield SmtpSession(client)
        finally:
            _quit(client)

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                s.host, s.port, timeout=s.timeout, context=self._tls()
            )
        else:
            client = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        try:
            if s.security == "starttls":
                client.starttls(context=self._tls())
            if s.user:
                client.login(s.user, s.password or "")
        except BaseException:
            client.close()
            raise
        return client

    def _tls(self) -> ssl.SSLContext:
        """Verifies the server against the system's CAs, or the one in PEERLEARNING_SMTP_CA_FILE."""
        return ssl.create_default_context(cafile=self.settings.ca_file)


class SmtpSession:
    def __init__(self, client: smtplib.SMTP) -> None:
        self.client = client

    def send(self, message: Message) -> None:
        traced(message)
        try:
            refused = self.client.send_message(message)
        except (OSError, MessageError, ValueError, TypeError) as error:  # SMTPException too
            raise self._problem(error, message) from None
        if refused:
            code = min(code for code, _ in refused.values())
            raise _by_code(code, refused, _recipients_of(message))

    def _problem(self, error: Exception, message: Message) -> DeliveryProblem:
        """What a failed send means for this mail and for the session; the names and
        addresses of its recipients are looked up only now, to leave them out of the reason."""
        recipients = _recipients_of(message)
        if isinstance(error, smtplib.SMTPNotSupportedError):  # e.g. an address needing SMTPUTF8
            return PermanentFailure(_describe(error, recipients))
        if isinstance(error, smtplib.SMTPRecipientsRefused):
            code = min(code for code, _ in error.recipients.values())
            return _by_code(code, error, recipients)
        if isinstance(error, smtplib.SMTPSenderRefused):
            log.error("The SMTP server refuses our sender address: %s", _describe(error, ()))
            return TransientFailure(_describe(error, recipients))
        if isinstance(error, smtplib.SMTPResponseException):
            return _by_code(error.smtp_code, error, recipients)
        if isinstance(error, OSError):  # smtplib.SMTPException is one
            return ConnectionLost(_describe(error, recipients))
        # smtplib writes the whole mail out before it speaks to the server: the mail itself
        # cannot be written (a header that would break its line, ...).
        self._reset()
        return PermanentFailure(f"The mail could not be written out ({type(error).__name__}).")

    def _reset(self) -> None:
        try:
            self.client.rset()
        except OSError as error:  # smtplib.SMTPException is one
            raise ConnectionLost(_describe(error, ())) from None


def _recipients_of(message: Message) -> tuple[str, ...]:
    """The names and addresses in the mail's address headers, for the reasons to leave out.

    A header too broken to read gives none: the reason is still rid of anything that looks
    like an address.
    """
    try:
        values = [str(v) for name in ("To", "Cc", "Bcc") for v in message.get_all(name, [])]
        found = getaddresses(values)
    except (ValueError, TypeError):
        return ()
    return tuple(part for pair in found for part in pair if part)


def _by_code(code: int, error: object, recipients: tuple[str, ...]) -> DeliveryProblem:
    """5xx for the recipient or the mail is permanent; everything else may heal."""
    text = _describe(error, recipients)
    if code == 421:
        return ConnectionLost(text)
    if 500 <= code < 600:
        return PermanentFailure(text)
    return TransientFailure(text)


def _describe(error: object, recipients: tuple[str, ...]) -> str:
    """The SMTP code and the server's text, without the recipient's name or any address."""
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        detail = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
        text = f"{error.smtp_code} {detail}"
    elif isinstance(error, smtplib.SMTPRecipientsRefused):
        text = "; ".join(_reply(code, reply) for code, reply in error.recipients.values())
    elif isinstance(error, dict):  # the recipients refused while others were accepted
        text = "; ".join(_reply(code, reply) for code, reply in error.values())
    else:
        text = f"{type(error).__name__}: {error}"
    return redacted(text, recipients)


def _reply(code: int, reply: bytes | str) -> str:
    detail = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {detail}"


def _quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


def traced(message: Message) -> None:
    """Names the unit of work that sends the mail (`X-Request-ID`), as its log lines do."""
    if request_id := current_request_id():
        del message[REQUEST_ID]
        message[REQUEST_ID] = request_id
