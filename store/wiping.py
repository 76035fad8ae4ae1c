"""Wiping the bytes of deleted and overwritten rows out of the store's files."""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from store.errors import StoreUnavailable

CHECKPOINT_ATTEMPTS = 2
REWRITE_LOCK_TIMEOUT = "5s"
REWRITE_PATIENCE = 10.0  # seconds to wait for transactions that still see old row versions
FIRST_NUMBER = re.compile(r"\d+")

log = logging.getLogger(__name__)


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
    with _autocommit(datastore) as conn:
        conn.add_notice_handler(report.read)
        try:
            conn.execute(f"VACUUM (FULL, VERBOSE) {tables}")
        finally:
            conn.remove_notice_handler(report.read)
    return report.kept


def forget_samples(datastore: Any, schema: str, columns: Mapping[str, Sequence[str]]) -> bool:
    """Keeps ANALYZE from sampling the columns into pg_statistic, where most common values
    and histogram bounds are real values, and drops what it sampled so far (changing a
    column's type, here to the one it has, drops its statistics). Returns whether any were."""
    dropped = False
    with _autocommit(datastore) as conn:
        for table, names in columns.items():
            sampled = _sampled(conn, schema, table)
            kinds = _columns(conn, f'"{schema}".{table}')
            changes = [f"ALTER COLUMN {c} TYPE {kinds[c][0]}" for c in names if c in sampled]
            changes += [f"ALTER COLUMN {c} SET STATISTICS 0" for c in names if kinds[c][1]]
            if changes:
                conn.execute(f'ALTER TABLE "{schema}".{table} {", ".join(changes)}')
            dropped = dropped or any(c in sampled for c in names)
    return dropped


def _sampled(conn: Any, schema: str, table: str) -> set[str]:
    rows = conn.execute(
        "SELECT attname FROM pg_stats WHERE schemaname = %s AND tablename = %s", (schema, table)
    )
    return {str(row["attname"]) for row in rows}


def _columns(conn: Any, table: str) -> dict[str, tuple[str, bool]]:
    """Each column's type, and whether ANALYZE samples it."""
    rows = conn.execute(
        "SELECT attname, format_type(atttypid, atttypmod) AS kind, "
        "COALESCE(attstattarget, -1) <> 0 AS sampling "
        "FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
        (table,),
    )
    return {str(row["attname"]): (str(row["kind"]), bool(row["sampling"])) for row in rows}


def rewrite_statistics(datastore: Any) -> None:
    """pg_statistic keeps the bytes of dropped samples until it is rewritten, which only the
    database's owner (or a superuser) may do."""
    with _autocommit(datastore) as conn:
        owner = conn.execute(
            "SELECT pg_has_role(datdba, 'MEMBER') AS owner FROM pg_database "
            "WHERE datname = current_database()"
        ).fetchone()
        if not (owner and owner["owner"]):
            log.warning(
                "Dropped statistics of personal columns stay in pg_statistic until PostgreSQL "
                "reuses the space: only the database's owner may rewrite it (VACUUM FULL)."
            )
            return
        conn.execute("VACUUM (FULL) pg_catalog.pg_statistic")


@contextmanager
def _autocommit(datastore: Any) -> Iterator[Any]:
    """A pooled connection outside any transaction (VACUUM needs that), waiting at most
    REWRITE_LOCK_TIMEOUT for each lock."""
    with datastore.get_connection() as conn:
        previous, conn.autocommit = conn.autocommit, True
        try:
            conn.execute(f"SET lock_timeout = '{REWRITE_LOCK_TIMEOUT}'")
            yield conn
        except psycopg.errors.LockNotAvailable as error:  # a long transaction holds a table
            raise NotReclaimed(f"A table could not be changed ({error}).") from error
        finally:
            conn.execute("RESET lock_timeout")
            conn.autocommit = previous


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
