"""Transactions on the store, with one `Tx` for every part that speaks SQL to it.

SQL is written once, with `?` placeholders, for both stores: `Tx` rewrites them for
PostgreSQL and fetches rows as tuples, also on a connection in pipeline mode. `Db` opens the
transactions; where its connections come from is the one thing its variants decide: the
views' own (`ViewDb`), or the application's datastore (`store.app_db.AppDb`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

import psycopg
from psycopg.rows import tuple_row

from store.commit_marks import CommitMarks
from store.errors import StoreUnavailable
from store.settings import StoreSettings
from store.view_pool import ViewPool

Params = Sequence[Any]

SECURE_DELETE = "PRAGMA secure_delete = ON"
"""SQLite overwrites deleted and overwritten content with zeros on a connection that says so;
every transaction that writes does, as it may write personal data or its keys."""


def marks(values: Sequence[Any]) -> str:
    """One `?` for each value, comma-separated: the placeholders of `IN (...)` or `VALUES (...)`."""
    return ", ".join("?" for _ in values)


def placeholders(statement: str, dialect: str) -> str:
    """The statement with PostgreSQL's `%s` where it has `?` (SQLite takes `?` as written)."""
    return statement if dialect == "sqlite" else statement.replace("?", "%s")


class Tx:
    """One transaction; SQL uses `?` placeholders on both stores, rows are tuples."""

    def __init__(self, cursor: Any, dialect: str, sync: Callable[[], None] | None = None) -> None:
        self.cursor = cursor
        self.dialect = dialect
        self.sync = sync  # on PostgreSQL's pipeline: waits for every answer of the statements sent

    @property
    def for_update(self) -> str:
        """What locks the rows a SELECT reads until the transaction ends (SQLite's write
        transaction already holds the whole file)."""
        return " FOR UPDATE" if self.dialect == "postgres" else ""

    def sql(self, statement: str) -> str:
        return placeholders(statement, self.dialect)

    def execute(self, statement: str, params: Params = ()) -> Any:
        """Sends the statement; on a pipeline, without waiting for its answer."""
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
        return self._read(statement, params).fetchone()

    def fetchall(self, statement: str, params: Params = ()) -> list[Any]:
        return list(self._read(statement, params).fetchall())

    def _read(self, statement: str, params: Params) -> Any:
        """A cursor holding the query's rows. On the recorder's pipeline the query gets a
        cursor of its own, then the pipeline syncs: fetching from the cursor the statements
        before it share could find one of their answers instead of the rows, or stop before
        the rows came back."""
        if self.sync is None:
            return self.execute(statement, params)
        cursor = tuple_cursor(self.cursor.connection, "postgres")
        cursor.execute(self.sql(statement), params)
        self.sync()  # every statement sent so far answers, this one with its rows
        return cursor


def in_pipeline(cursor: Any) -> bool:
    """Whether a PostgreSQL cursor's connection is in pipeline mode (the recorder's)."""
    pgconn = getattr(getattr(cursor, "connection", None), "pgconn", None)
    return pgconn is not None and bool(pgconn.pipeline_status)


def tuple_cursor(conn: Any, dialect: str) -> Any:
    """A cursor on a SQLite or PostgreSQL connection whose rows are plain tuples."""
    if dialect == "sqlite":
        cursor = conn.cursor()
        cursor.row_factory = None
        return cursor
    return conn.cursor(row_factory=tuple_row)


@contextmanager
def sqlite_transaction(conn: sqlite3.Connection, write: bool) -> Iterator[Tx]:
    """Writers take the lock up front, so two processes never deadlock upgrading."""
    cursor = tuple_cursor(conn, "sqlite")
    if write:
        cursor.execute(SECURE_DELETE)
    cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield Tx(cursor, "sqlite")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


class Db:
    """Opens transactions on one store (SQLite file or PostgreSQL schema)."""

    def __init__(self, dialect: str, schema: str | None) -> None:
        self.dialect = dialect  # "sqlite" or "postgres"
        self.schema = schema

    @contextmanager
    def transaction(self, write: bool = False) -> Iterator[Tx]:
        """A transaction; on PostgreSQL a read on a connection that commits each statement
        by itself opens none (at READ COMMITTED a BEGIN adds no snapshot, only round trips)."""
        with self._translated():
            if self.dialect == "sqlite":
                with self._sqlite(write) as conn, sqlite_transaction(conn, write) as tx:
                    yield tx
                return
            with self._postgres() as conn:
                begun = conn.transaction() if write or not conn.autocommit else nullcontext()
                with begun, tuple_cursor(conn, "postgres") as cursor:
                    yield Tx(cursor, "postgres")

    def commit_mark(self) -> bytes | None:
        """Bytes that stay the same while nothing is committed to the store, where the
        store can tell without a query (SQLite in WAL mode); otherwise None."""
        return None

    def read_one(self, statement: str, params: Params = ()) -> Any:
        """The first row of one query, which reads in a snapshot of its own. On SQLite
        without BEGIN and COMMIT around it: the connections commit each statement by
        itself, and one statement reads one snapshot."""
        if self.dialect != "sqlite":
            with self.transaction() as tx:
                return tx.fetchone(statement, params)
        with self._translated(), self._sqlite(False) as conn:
            return tuple_cursor(conn, "sqlite").execute(statement, params).fetchone()

    def table(self, name: str) -> str:
        """The table's name, qualified by the PostgreSQL schema the store is in."""
        return name if self.dialect == "sqlite" or not self.schema else f'"{self.schema}".{name}'

    @property
    def blob(self) -> str:
        return "BLOB" if self.dialect == "sqlite" else "BYTEA"

    def existing(self, names: Sequence[str]) -> list[str]:
        """Those of the named tables that exist in this store (views are made by their
        projector, which a process may not run)."""
        with self.transaction() as tx:
            if self.dialect == "sqlite":
                found = tx.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
                present = {str(row[0]) for row in found}
                return [name for name in names if name in present]
            return [n for n in names if tx.fetchone("SELECT to_regclass(?)", (self.table(n),))[0]]

    def close(self) -> None:
        """Closes the connections this object opened (none, when it borrows them)."""

    def _translated(self) -> AbstractContextManager[None]:
        """Turns the store's errors into the ones this variant's callers handle."""
        return nullcontext()

    def _sqlite(self, write: bool) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _postgres(self) -> AbstractContextManager[Any]:
        raise NotImplementedError


class ViewDb(Db):
    """Transactions on connections of its own: one SQLite connection per thread, or a pool."""

    def __init__(self, settings: StoreSettings) -> None:
        super().__init__("sqlite" if settings.is_sqlite else "postgres", settings.schema)
        self.settings = settings
        self._local = threading.local()
        self._pool: ViewPool | None = None
        self._marks: CommitMarks | None = None
        if not settings.is_sqlite:
            self._pool = ViewPool(settings)
        elif settings.sqlite_path != ":memory:":
            self._marks = CommitMarks(settings.sqlite_path)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except (sqlite3.OperationalError, psycopg.OperationalError) as error:
            raise StoreUnavailable(
                f"The view store is unavailable ({str(error).strip()[:200]}); retry shortly."
            ) from error

    def _sqlite(self, write: bool) -> AbstractContextManager[sqlite3.Connection]:
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
            conn.execute(SECURE_DELETE)  # freed rows hold names: overwrite them
            self._local.conn = conn
        return nullcontext(conn)

    def commit_mark(self) -> bytes | None:
        return self._marks.mark() if self._marks is not None else None

    def _postgres(self) -> AbstractContextManager[Any]:
        assert self._pool is not None
        return self._pool.connection()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        if self._marks is not None:
            self._marks.close()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
