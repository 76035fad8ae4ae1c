"""The id of the unit of work in hand (an HTTP request, a scheduler run), for every log line.

A contextvar: each request's thread and each scheduler job carries its own, and what a command
or a mail logs while the unit runs names it without being handed it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

HEADER = "X-Request-ID"
_CURRENT: ContextVar[str | None] = ContextVar("peerlearning_request_id", default=None)
# An id a client or proxy sends is kept only if it cannot carry anything but an id.
_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


def new_request_id() -> str:
    """32 hex digits, unique enough to find one unit's lines, and not a secret: drawn from
    `random`, which (unlike `uuid4`) needs no system call, and so no wait for Python's lock
    under a threaded server. Each process's generator is seeded anew after a fork."""
    return f"{random.getrandbits(128):032x}"


def accepted_request_id(sent: str | None) -> str:
    """The id the client sent when it looks like one, else a new one."""
    if sent and _ACCEPTABLE.match(sent):
        return sent
    return new_request_id()


def current_request_id() -> str | None:
    return _CURRENT.get()


def begin_request(request_id: str) -> object:
    return _CURRENT.set(request_id)


def end_request(token: object) -> None:
    _CURRENT.reset(token)  # type: ignore[arg-type]


@contextmanager
def unit_of_work(prefix: str) -> Iterator[str]:
    """A fresh id for one scheduler run, e.g. `sweep-3f2a...`."""
    request_id = f"{prefix}-{new_request_id()}"
    token = _CURRENT.set(request_id)
    try:
        yield request_id
    finally:
        _CURRENT.reset(token)
