"""A store in service is not restored underneath its processes.

Every process that serves a store (`serve`, a WSGI worker, `scheduler`) holds a shared lock on
it for as long as it runs; a restore takes the same lock exclusively and is refused while any
such process holds it, since that process would go on serving (and reminding) from state the
restore replaced. SQLite: `flock` on a file beside the database. PostgreSQL: a session-level
advisory lock on the schema, held by a connection of its own; it ends with the process.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Protocol

import psycopg

from runtime.errors import SettingError
from store.settings import StoreSettings, describe, psycopg_conninfo

LOCK_SUFFIX = ".service-lock"


class StoreInUse(SettingError):
    """The lock is held the other way: a service runs, or a restore does."""


class _Hold(Protocol):
    def try_take(self, exclusive: bool) -> bool: ...

    def release(self) -> None: ...


class _FileHold:
    def __init__(self, database: str) -> None:
        self.file: IO[bytes] = open(Path(database + LOCK_SUFFIX), "ab")

    def try_take(self, exclusive: bool) -> bool:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(self.file, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def release(self) -> None:
        self.file.close()  # closing the file ends its lock


class _AdvisoryHold:
    def __init__(self, settings: StoreSettings) -> None:
        self.key = f"service/{settings.schema or 'public'}"
        try:
            self.connection = psycopg.connect(psycopg_conninfo(settings), autocommit=True)
        except psycopg.Error as error:
            reason = " ".join(str(error).split())
            raise SettingError(f"{describe(settings)} cannot be used: {reason}") from None

    def try_take(self, exclusive: bool) -> bool:
        function = "pg_try_advisory_lock" if exclusive else "pg_try_advisory_lock_shared"
        row = self.connection.execute(f"SELECT {function}(hashtext(%s))", (self.key,)).fetchone()
        return bool(row and row[0])

    def release(self) -> None:
        self.connection.close()  # a session-level lock ends with its session


def _hold(settings: StoreSettings) -> _Hold:
    return _FileHold(settings.sqlite_path) if settings.is_sqlite else _AdvisoryHold(settings)


class ServiceLock:
    """The shared lock one serving process holds until `release()`."""

    def __init__(self, settings: StoreSettings) -> None:
        self._hold = _hold(settings)
        if not self._hold.try_take(exclusive=False):
            self._hold.release()
            raise StoreInUse(
                f"A restore into the store {describe(settings)} is running; "
                "start the service again when it has finished."
            )

    def release(self) -> None:
        self._hold.release()


@contextmanager
def no_service_running(settings: StoreSettings) -> Iterator[None]:
    """Holds the store exclusively; refuses while a process serves it."""
    hold = _hold(settings)
    try:
        if not hold.try_take(exclusive=True):
            raise StoreInUse(
                f"A service (peerlearning serve, scheduler or a WSGI worker) is running on "
                f"the store {describe(settings)}; stop it first, then restore. Nothing changed."
            )
        yield
    finally:
        hold.release()
