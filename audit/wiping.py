"""Wiping the bytes of deleted and overwritten rows out of the store's files."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Sequence
from typing import Any

import psycopg

from peerlearning.errors import StoreUnavailable

CHECKPOINT_ATTEMPTS = 2
REWRITE_LOCK_TIMEOUT = "5s"
REWRITE_PATIENCE = 10.0  # seconds to wait for transactions that still see old row versions
FIRST_NUMBER = re.compile(r"\d+")


class NotReclaimed(StoreUnavailable):
    """Freed bytes are not wiped yet: the log is in use, a table is locked, or an older
    transaction still sees the old rows. The erasure is recorded and the key is gone;
    running it again finishes the wiping."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"{detail} Run the erasure again shortly.", retry_after=5)


def truncate_write_ahead_log(datastore: Any) -> None:
    """Writes the SQLite log back into the file and truncates it to nothing.

    The checkpoint waits (by the connection's busy timeout) for readers of older pages.
    """
    outcome: object = None
    for attempt in range(CHECKPOINT_ATTEMPTS):
        if attempt:
            time.sleep(0.05)
        outcome = _checkpoint(datastore)
        if not outcome:
            return
    raise NotReclaimed(f"The write-ahead log could not be truncated ({outcome}).")


def _checkpoint(datastore: Any) -> object:
    """0 once done; otherwise what kept the log (busy readers or a lock)."""
    with datastore.get_connection(commit=True) as conn:
        cursor = conn.cursor()
        try:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy: int = cursor.fetchone()[0]
        except sqlite3.OperationalError as error:  # locked by a writer: one more attempt
            return str(error)
    return "readers of older pages" if busy else 0


def rewrite(datastore: Any, tables: Sequence[str]) -> None:
    """Rewrites PostgreSQL tables into new files (VACUUM FULL), until no old row version
    is kept for a transaction that began before the rows were overwritten."""
    if not tables:
        return
    deadline = time.monotonic() + REWRITE_PATIENCE
    pause = 0.05
    while kept := _vacuum_full(datastore, ", ".join(tables)):
        if time.monotonic() > deadline:
            raise NotReclaimed(
                f"{kept} old row versions are still visible to transactions that began "
                "before the erasure."
            )
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def _vacuum_full(datastore: Any, tables: str) -> int:
    """Rewrites the tables; returns how many dead row versions VACUUM had to keep."""
    report = VacuumReport()
    with datastore.get_connection() as conn:
        previous, conn.autocommit = conn.autocommit, True
        conn.add_notice_handler(report.read)
        try:
            conn.execute(f"SET lock_timeout = '{REWRITE_LOCK_TIMEOUT}'")
            conn.execute(f"VACUUM (FULL, VERBOSE) {tables}")
        except psycopg.errors.LockNotAvailable as error:  # a long transaction holds a table
            raise NotReclaimed(f"A table could not be rewritten ({error}).") from error
        finally:
            conn.remove_notice_handler(report.read)
            conn.execute("RESET lock_timeout")
            conn.autocommit = previous
    return report.kept


class VacuumReport:
    """Adds up VACUUM FULL VERBOSE's "<n> dead row versions cannot be removed yet.": the
    only detail it reports, read by its leading number, as it is translated."""

    def __init__(self) -> None:
        self.kept = 0

    def read(self, diagnostic: psycopg.errors.Diagnostic) -> None:
        if diagnostic.severity_nonlocalized != "INFO" or not diagnostic.message_detail:
            return
        number = FIRST_NUMBER.search(diagnostic.message_detail)
        if number is not None:
            self.kept += int(number.group())
