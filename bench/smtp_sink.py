"""A local SMTP sink (aiosmtpd on loopback) that accepts and counts every message."""

from __future__ import annotations

import smtplib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller

from bench.serving import free_port


class CountingHandler:
    def __init__(self) -> None:
        self.accepted = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.accepted += 1
        return "250 Message accepted"


@contextmanager
def smtp_sink() -> Iterator[tuple[int, CountingHandler]]:
    handler = CountingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


def plain_smtplib_loop(port: int, messages: list[Message]) -> None:
    """The baseline: one smtplib connection sending each message in turn."""
    client = smtplib.SMTP("127.0.0.1", port, timeout=30)
    try:
        for message in messages:
            client.send_message(message)
    finally:
        client.quit()
