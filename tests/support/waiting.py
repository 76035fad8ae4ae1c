"""Waiting for something another thread or process does, with a deadline and no fixed sleep."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.05


def wait_until(check: Callable[[], T], timeout: float = 30, what: str = "the condition") -> T:
    """Polls until `check` is truthy and returns what it returned; fails naming `what` when
    `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise AssertionError(f"Waited {timeout}s for {what} in vain")
        time.sleep(POLL_SECONDS)
