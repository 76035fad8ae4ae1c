"""Connections to the view tables, which live in the same store as the events."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from store.errors import StoreUnavailable
from store.settings import StoreSettings, psycopg_conninfo

Params = Sequence[Any]


class Tx:
    """One transaction on the view tables; SQL uses `?` placeholders on both stores."""

    def __init__(self, cursor: Any, dialect: str) -> None:
        self.cursor = cursor
        self.dialect = dialect

    @property
    def for_update(self) -> str:
        """What locks the rows a SELECT reads until the transaction ends (SQLite's write
        transaction already holds the whole file)."""
        return " FOR UPDATE" if self.dialect == "postgres" else ""

    def sql(self, statement: str) -> str:
        return statement if self.dialect == "sqlite" else statement.replace("?", "%s")

    def execute(self, statement: str, params: Params = ()) -> Any:
        return self.cursor.execute(self.sql(statement), params)

    def executemany(self, statement: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        if in_pipeline(self.cursor):  # queued one by one: a nested pipeline would wait
            for row in rows:
                self.cursor.execute(self.sql(statement), row)
            return
        self.cursor.executemany(self.sql(statement), rows)

    def fetchone(self, statement: str, params: Params = ()) -> Any:
        return self.execute(statement, params).fetchone()

    def fetchall(self, statement: str, params: Params = ()) -> list[Any]:
        return list(self.execute(statement, params).fetchall())


def in_pipeline(cursor: Any) -> bool:
    """Whether a PostgreSQL cursor's connection is in pipeline mode (the recorder's)."""
    pgconn = getattr(getattr(cursor, "connection", None), "pgconn", None)
    return pgconn is not None and bool(pgconn.pipeline_status)


class ViewDb:
    """Opens transactions on the view tables of one store (SQLite file or PG schema)."""

    def __init__(self, settings: StoreSettings) -> None:
        self.settings = settings
        self.dialect = "sqlite" if settings.is_sqlite else "postgres"
        self._local = threading.local()
        self._pool: ConnectionPool | None = None
        if not settings.is_sqlite:
            self._pool = _postgres_pool(settings)

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Tx]:
        try:
            if self._pool is None:
                with self._sqlite_transaction(write) as tx:
                    yield tx
            else:
                with self._postgres_transaction() as tx:
                    yield tx
        except (sqlite3.OperationalError, psycopg.OperationalError) as error:
            raise StoreUnavailable(
                f"The view store is unavailable ({str(error).strip()[:200]}); retry shortly."
            ) from error

    @contextmanager
    def _sqlite_transaction(self, write: bool) -> Iterator[Tx]:
        conn = self._sqlite_connection()
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        tx = Tx(conn.cursor(), "sqlite")
        try:
            yield tx
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _sqlite_connection(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.settings.sqlite_path,
                isolation_level=None,
                check_same_thread=False,
                timeout=float(self.settings.env.get("SQLITE_LOCK_TIMEOUT", "5")),
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA secure_delete=ON")  # freed rows hold names: overwrite them
            self._local.conn = conn
        return conn

    @contextmanager
    def _postgres_transaction(self) -> Iterator[Tx]:
        assert self._pool is not None
        with self._pool.connection() as conn, conn.transaction(), conn.cursor() as cursor:
            yield Tx(cursor, "postgres")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def _postgres_pool(settings: StoreSettings) -> ConnectionPool:
    conninfo = psycopg_conninfo(settings)
    if settings.schema:
        conninfo += f" options='-c search_path={settings.schema}'"
    return ConnectionPool(
        conninfo,
        min_size=1,
        max_size=int(settings.env.get("POSTGRES_POOL_SIZE", "10")),
        open=True,
        timeout=settings.answer_timeout,
        check=ConnectionPool.check_connection,
    )
