"""A local SMTP sink (aiosmtpd on loopback) in its own process, counting every message.

Its own process, as a real mail server would be: in the measuring process its event loop
would take turns on the interpreter lock with the sender it is meant to measure. Started as
`python -m bench.smtp_sink PORT`; it says `ready`, then answers each `count` line on stdin
with the number of messages accepted, and stops when stdin closes.
"""

from __future__ import annotations

import smtplib
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from typing import IO, Any

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


class SinkCount:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    @property
    def accepted(self) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("count\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())


@contextmanager
def smtp_sink() -> Iterator[tuple[int, SinkCount]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.smtp_sink", str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError("the SMTP sink did not start")
        yield port, SinkCount(process)
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def serve(port: int, commands: IO[str], answers: IO[str]) -> None:
    handler = CountingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        answers.write("ready\n")
        answers.flush()
        for line in commands:
            if line.strip() == "count":
                answers.write(f"{handler.accepted}\n")
                answers.flush()
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


if __name__ == "__main__":
    serve(int(sys.argv[1]), sys.stdin, sys.stdout)
