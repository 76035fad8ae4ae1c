"""STARTTLS, implicit TLS and login against a real SMTP server with its own certificate."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from scheduler.settings import SmtpSettings
from scheduler.smtp import ConnectionLost, SmtpOutbox
from tests.scheduler.smtp_sink import SinkHandler, free_port
from tests.scheduler.tls import self_signed, server_context

USER, PASSWORD = "reminders", "s3cret-pass"


def check_login(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> Any:
    ok = isinstance(auth, LoginPassword) and (auth.login, auth.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok)


def mail() -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Hi"
    message.set_content("Hallo")
    return message


@pytest.fixture
def pem(tmp_path: Path) -> tuple[Path, Path]:
    return self_signed(tmp_path)


def serving(handler: SinkHandler, port: int, **options: Any) -> Iterator[None]:
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=check_login, **options
    )
    controller.start()
    try:
        yield
    finally:
        controller.stop()


def send_one_with_login(port: int, security: str, ca_file: Path) -> None:
    settings = SmtpSettings(
        host="localhost", port=port, security=security, user=USER, password=PASSWORD,
        ca_file=str(ca_file),
    )  # fmt: skip
    with SmtpOutbox(settings).session() as mailbox:
        mailbox.send(mail())


def test_starttls_with_login_delivers(pem: tuple[Path, Path]) -> None:
    handler, port = SinkHandler(), free_port()
    tls = server_context(*pem)
    for _ in serving(handler, port, tls_context=tls, require_starttls=True):
        send_one_with_login(port, "starttls", pem[0])
    assert len(handler.messages) == 1


def test_implicit_tls_with_login_delivers(pem: tuple[Path, Path]) -> None:
    handler, port = SinkHandler(), free_port()
    # aiosmtpd cannot tell that an implicit-TLS transport is encrypted, so AUTH is allowed here
    for _ in serving(handler, port, ssl_context=server_context(*pem), auth_require_tls=False):
        send_one_with_login(port, "tls", pem[0])
    assert len(handler.messages) == 1


def test_an_untrusted_certificate_or_a_wrong_password_keeps_mails_for_later(
    pem: tuple[Path, Path],
) -> None:
    handler, port = SinkHandler(), free_port()
    for _ in serving(handler, port, tls_context=server_context(*pem), require_starttls=True):
        untrusted = SmtpSettings(host="localhost", port=port, security="starttls", user=USER)
        wrong = SmtpSettings(
            host="localhost", port=port, security="starttls", user=USER, password="nope",
            ca_file=str(pem[0]), timeout=1,
        )  # fmt: skip
        for settings in (untrusted, wrong):
            with pytest.raises(ConnectionLost), SmtpOutbox(settings).session():
                pass
    assert handler.messages == []
