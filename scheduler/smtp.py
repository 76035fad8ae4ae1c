"""Handing mails to the SMTP server, and telling transient from permanent failures."""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from typing import Protocol

from scheduler.settings import SmtpSettings

log = logging.getLogger(__name__)


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
            raise ConnectionLost(_describe(error)) from error
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
        try:
            refused = self.client.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            raise _by_code(min(code for code, _ in error.recipients.values()), error) from error
        except smtplib.SMTPSenderRefused as error:
            log.error("The SMTP server refuses our sender address: %s", _describe(error))
            raise TransientFailure(_describe(error)) from error
        except smtplib.SMTPResponseException as error:
            raise _by_code(error.smtp_code, error) from error
        except (OSError, smtplib.SMTPException) as error:
            raise ConnectionLost(_describe(error)) from error
        if refused:
            raise _by_code(min(code for code, _ in refused.values()), refused)


def _by_code(code: int, error: object) -> DeliveryProblem:
    """5xx for the recipient or the mail is permanent; everything else may heal."""
    text = _describe(error)
    if code == 421:
        return ConnectionLost(text)
    if 500 <= code < 600:
        return PermanentFailure(text)
    return TransientFailure(text)


def _describe(error: object) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        detail = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
        return f"{error.smtp_code} {detail}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{r}: {c} {m!r}" for r, (c, m) in error.recipients.items())
    return f"{type(error).__name__}: {error}"


def _quit(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()
