"""Every key of one store in memory, reloaded as soon as anyone anywhere erased a person.

Rebuilding the views reads each person's key once; one query per key would dominate it.
Tombstones never go away, so their count is a generation: when it changes (checked at most
every `RECHECK_SECONDS`), the cache reloads. In the erasing process the key leaves the cache
at once; other processes follow within `RECHECK_SECONDS`.
"""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

RECHECK_SECONDS = 0.5


@dataclass
class KeyCache:
    keys: dict[str, bytes] = field(default_factory=dict)
    erased: set[str] = field(default_factory=set)
    generation: int | None = None
    checked_at: float = float("-inf")
    lock: threading.Lock = field(default_factory=threading.Lock)

    def due(self) -> bool:
        return time.monotonic() - self.checked_at >= RECHECK_SECONDS

    def checked(self) -> None:
        self.checked_at = time.monotonic()

    def load(self, generation: int, rows: list[tuple[Any, ...]]) -> None:
        with self.lock:
            self.keys = {str(s): bytes(k) for s, k in rows if k is not None}
            self.erased = {str(s) for s, k in rows if k is None}
            self.generation = generation
            self.checked_at = time.monotonic()

    def get(self, subject: str) -> tuple[bool, bytes | None]:
        """(known, key): unknown subjects need a look in the store."""
        with self.lock:
            if subject in self.keys:
                return True, self.keys[subject]
            return subject in self.erased, None

    def remember(self, subject: str, key: bytes | None) -> None:
        with self.lock:
            if key is None:
                self.keys.pop(subject, None)
                self.erased.add(subject)
            else:
                self.keys[subject] = key


_CACHES: weakref.WeakKeyDictionary[Any, KeyCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_for(datastore: Any) -> KeyCache:
    """One cache per store connection pool, shared by every key store of the process."""
    with _CACHES_LOCK:
        if datastore not in _CACHES:
            _CACHES[datastore] = KeyCache()
        return _CACHES[datastore]
