"""A local SMTP sink (aiosmtpd on loopback) in its own process, counting every message.

Its own process, as a real mail server would be: in the measuring process its event loop
would take turns on the interpreter lock with the sender it is meant to measure.
"""

from __future__ import annotations

import multiprocessing
import smtplib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller

from bench.serving import free_port


class CountingHandler:
    def __init__(self, accepted: Any) -> None:
        self.accepted = accepted  # a shared counter: the measuring process reads it

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.accepted.get_lock():
            self.accepted.value += 1
        return "250 Message accepted"


class SinkCount:
    def __init__(self, accepted: Any) -> None:
        self._accepted = accepted

    @property
    def accepted(self) -> int:
        return int(self._accepted.value)


def _serve(port: int, accepted: Any, ready: Any, stop: Any) -> None:
    controller = Controller(CountingHandler(accepted), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    stop.wait()
    controller.stop()


@contextmanager
def smtp_sink() -> Iterator[tuple[int, SinkCount]]:
    context = multiprocessing.get_context("spawn")
    accepted, ready, stop = context.Value("q", 0), context.Event(), context.Event()
    port = free_port()
    process = context.Process(target=_serve, args=(port, accepted, ready, stop), daemon=True)
    process.start()
    try:
        if not ready.wait(timeout=30):
            raise RuntimeError("the SMTP sink did not start within 30 s")
        _wait_for_port(port)
        yield port, SinkCount(accepted)
    finally:
        stop.set()
        process.join(timeout=10)
        if process.is_alive():
            process.kill()


def _wait_for_port(port: int) -> None:
    for _ in range(100):
        try:
            smtplib.SMTP("127.0.0.1", port, timeout=5).quit()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"the SMTP sink does not answer on port {port}")


def plain_smtplib_loop(port: int, messages: list[Message]) -> None:
    """The baseline: one smtplib connection sending each message in turn."""
    client = smtplib.SMTP("127.0.0.1", port, timeout=30)
    try:
        for message in messages:
            client.send_message(message)
    finally:
        client.quit()
