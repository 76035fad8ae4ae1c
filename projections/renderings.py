"""Answers kept per views position, so that what is expensive and unchanged is rendered once.

Every answer of a read is a function of the views at one position and of what shapes it (the
day, the filters, the page, the language). A `Renderings` keeps the latest few such answers
under `(position, shape)`; a write moves the position, so a kept answer is never served for
a state it was not rendered from. An answer that also depends on the clock (the upcoming
feed drops a meeting once it starts) is kept only until that moment.

`answer` renders only after the position was read, so what it keeps under a position is never
older than that position: a write that commits meanwhile can only make it newer, and the
next request, reading the new position, renders it again under that one.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")
KEPT = 32  # answers per kind; a few positions times a few shapes


@dataclass(frozen=True)
class Kept(Generic[T]):
    value: T
    until: datetime | None  # None: as long as the position holds


class Renderings(Generic[T]):
    """A small bounded cache, least recently used first out; safe between threads."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, Kept[T]] = OrderedDict()
        self._lock = threading.Lock()
        self._rendering: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, now: datetime | None = None) -> T | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is None:
                return None
            if kept.until is not None and now is not None and now >= kept.until:
                del self._kept[key]
                return None
            self._kept.move_to_end(key)
            return kept.value

    def keep(self, key: Hashable, value: T, until: datetime | None = None) -> None:
        with self._lock:
            self._kept[key] = Kept(value, until)
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def one_at_a_time(self, key: Hashable) -> threading.Lock:
        """The lock under which one thread renders `key` while the others wait for it."""
        with self._lock:
            return self._rendering.setdefault(key, threading.Lock())

    def done_rendering(self, key: Hashable) -> None:
        with self._lock:
            self._rendering.pop(key, None)

    def __len__(self) -> int:
        return len(self._kept)


def answer(
    renderings: Renderings[T],
    at: int,
    shape: Hashable,
    render: Callable[[], tuple[T, datetime | None]],
    now: datetime | None = None,
) -> T:
    """The answer kept for `shape` at position `at` (read before this call), else rendered
    (by one thread while the others wait for it) and kept until the moment `render` names."""
    key = (at, shape)
    found = renderings.get(key, now)
    if found is not None:
        return found
    try:
        with renderings.one_at_a_time(key):
            found = renderings.get(key, now)
            if found is not None:
                return found
            value, until = render()
            renderings.keep(key, value, until)
            return value
    finally:
        renderings.done_rendering(key)


def shape_tag(*parts: object) -> str:
    """A short, stable name of what shapes an answer (day, filters, page), for an ETag."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(text.encode(), digest_size=4).hexdigest()
