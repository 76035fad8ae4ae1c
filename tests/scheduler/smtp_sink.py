"""A real SMTP server (aiosmtpd) on loopback that keeps what it accepts and can misbehave."""

from __future__ import annotations

import asyncio
import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.support.waiting import wait_until


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SinkHandler:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()
        self.refused: dict[str, str] = {}  # recipient -> reply, e.g. "550 5.1.1 unknown user"
        self.busy_replies = 0  # answer this many DATA commands with 451
        self.delay = 0.0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            if self.busy_replies > 0:
                self.busy_replies -= 1
                return "451 4.3.0 Mailbox busy, try again later"
            message = message_from_bytes(envelope.content, policy=policy.default)
            self.messages.append(message)  # type: ignore[arg-type]
        return "250 Message accepted"


class SmtpSink:
    def __init__(self) -> None:
        self.port = free_port()
        self.handler = SinkHandler()
        self._controller: Controller | None = None

    @property
    def env(self) -> dict[str, str]:
        return {
            "PEERLEARNING_SMTP_HOST": "127.0.0.1",
            "PEERLEARNING_SMTP_PORT": str(self.port),
            "PEERLEARNING_SMTP_SECURITY": "none",
        }

    def start(self) -> SmtpSink:
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        with self.handler.lock:
            return list(self.handler.messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]

    def wait_for(self, count: int, timeout: float = 30.0) -> list[EmailMessage]:
        wait_until(lambda: len(self.messages) >= count, timeout, f"{count} mails")
        return self.messages

    def clear(self) -> None:
        with self.handler.lock:
            self.handler.messages.clear()
