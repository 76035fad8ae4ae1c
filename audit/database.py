"""Plain connections to the store the events live in, for the audit's own tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from peerlearning.settings import StoreSettings, psycopg_conninfo

Row = tuple[Any, ...]


class Tx(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...


class Database(Protocol):
    dialect: str

    def transaction(self, write: bool = True) -> Any: ...

    def reclaim(self, table: str) -> None: ...

    def close(self) -> None: ...


class SQLiteDatabase:
    """One short connection per transaction; `BEGIN IMMEDIATE` serialises writers."""

    dialect = "sqlite"

    def __init__(self, path: str, lock_timeout: float = 5.0) -> None:
        self.path = path
        self.lock_timeout = lock_timeout

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Tx]:
        """Readers never wait for a writer (WAL), so decoding inside another write works."""
        conn = sqlite3.connect(self.path, timeout=self.lock_timeout, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield _SQLiteTx(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    def reclaim(self, table: str) -> None:
        """Empties the write-ahead log of freed pages (best effort while others read)."""
        conn = sqlite3.connect(self.path, timeout=1.0, isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            pass
        finally:
            conn.close()

    def close(self) -> None:
        """Nothing stays open between transactions."""


class _SQLiteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.conn.execute(sql, tuple(params)).fetchall())


class PostgresDatabase:
    """A small pool of connections whose search path is the store's schema."""

    dialect = "postgresql"

    def __init__(self, conninfo: str, schema: str | None) -> None:
        from psycopg_pool import ConnectionPool

        options = f"-c search_path={schema}" if schema else ""
        self.pool = ConnectionPool(
            conninfo,
            kwargs={"options": options} if options else {},
            min_size=1,
            max_size=4,
            timeout=10,
            check=ConnectionPool.check_connection,
            open=True,
        )

    @contextmanager
    def transaction(self, write: bool = True) -> Iterator[Tx]:
        with self.pool.connection() as conn, conn.transaction(), conn.cursor() as cursor:
            yield _PostgresTx(cursor)

    def reclaim(self, table: str) -> None:
        """Vacuums the table so deleted rows do not linger in dead tuples."""
        with self.pool.connection() as conn:
            conn.autocommit = True
            try:
                conn.execute(f"VACUUM {table}")  # type: ignore[arg-type]
            finally:
                conn.autocommit = False

    def close(self) -> None:
        self.pool.close()


class _PostgresTx:
    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self.cursor.execute(sql.replace("?", "%s"), tuple(params))
        return list(self.cursor.fetchall()) if self.cursor.description else []


def open_database(settings: StoreSettings) -> SQLiteDatabase | PostgresDatabase:
    if settings.is_sqlite:
        timeout = float(settings.env.get("SQLITE_LOCK_TIMEOUT") or 5)
        return SQLiteDatabase(settings.sqlite_path, timeout)
    return PostgresDatabase(psycopg_conninfo(settings), settings.schema)


def blob_type(db: Database) -> str:
    return "BLOB" if db.dialect == "sqlite" else "BYTEA"
