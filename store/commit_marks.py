"""Whether a SQLite store changed since last asked, without asking SQLite.

In WAL mode every commit rewrites the header of the WAL index, the `-shm` file all
connections to the store map into memory (https://www.sqlite.org/walformat.html, "The WAL-Index
Header"): its change counter, its frame count and, after a checkpoint, its salts. The header
is kept twice, and a writer changes both copies; a reader that sees them differ has caught a
write in the middle. So the header's bytes, when both copies agree, mark one state of the
store: while they stay the same, nothing was committed, by this process or any other.

Reading them is a look into shared memory. A query costs more, and it lets go of Python's
lock twice, which under a threaded server means waiting for it twice.

The `-shm` file lives as long as some connection to the store has it open: after the last
one closes, SQLite removes it and the next connection makes a new one, which a mapping of the
old file would never see. So `CommitMarks` keeps a connection of its own open, with the
file opened, for as long as it maps it.
"""

from __future__ import annotations

import mmap
import os
import sqlite3
import threading

HEADER = 48  # bytes of one copy of the WAL-index header


class CommitMarks:
    """The WAL-index header of one SQLite file, read from the shared memory all its
    connections use; None where it cannot be read (no such file yet, not in WAL mode)."""

    def __init__(self, path: str) -> None:
        self.path = f"{path}-shm"
        self.store = path
        self._map: mmap.mmap | None = None
        self._holder: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def mark(self) -> bytes | None:
        """The header, when its two copies agree."""
        shared = self._map or self._open()
        if shared is None:
            return None
        header = shared[: 2 * HEADER]
        first, second = header[:HEADER], header[HEADER:]
        return first if first == second and any(first) else None

    def _open(self) -> mmap.mmap | None:
        with self._lock:
            if self._map is None:
                try:
                    self._hold_open()
                    with open(self.path, "rb") as file:
                        if os.fstat(file.fileno()).st_size >= 2 * HEADER:
                            self._map = mmap.mmap(
                                file.fileno(), 2 * HEADER, access=mmap.ACCESS_READ
                            )
                except (OSError, sqlite3.Error):
                    return None
            return self._map

    def _hold_open(self) -> None:
        """A connection that has read the store has its `-shm` file open until it closes."""
        if self._holder is None:
            if not os.path.exists(self.store):  # never make the store by asking
                raise FileNotFoundError(self.store)
            holder = sqlite3.connect(self.store, check_same_thread=False)
            holder.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            self._holder = holder

    def close(self) -> None:
        with self._lock:
            if self._map is not None:
                self._map.close()
                self._map = None
            if self._holder is not None:
                self._holder.close()
                self._holder = None
