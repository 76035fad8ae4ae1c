"""The views' PostgreSQL connections: a pool whose reads cost one round trip each.

Its connections commit each statement by themselves: a read is its statements, without BEGIN
and COMMIT (at READ COMMITTED a transaction around reads gives them no common snapshot
anyway); a write opens its transaction itself. A connection rested in the pool for a while
may have been broken by a restart of the server, so it is checked with the server before it
is lent. One that came back moments ago is lent as it is: checking it would cost every read a
round trip. If the server went away in those moments, the read fails with 503 and the pool
drops the broken connection.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from psycopg_pool import ConnectionPool

from store.settings import StoreSettings, psycopg_conninfo

IDLE_BEFORE_CHECK = 1.0  # seconds


class ViewPool:
    def __init__(self, settings: StoreSettings) -> None:
        conninfo = psycopg_conninfo(settings)
        if settings.schema:
            conninfo += f" options='-c search_path={settings.schema}'"
        self._returned: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
        self._pool = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=int(settings.env.get("POSTGRES_POOL_SIZE", "10")),
            open=True,
            timeout=settings.answer_timeout,
            kwargs={"autocommit": True},
            check=self._check_if_idle,
        )

    @property
    def timeout(self) -> float:
        """How long a read waits for a connection before it answers 503."""
        return self._pool.timeout

    @contextmanager
    def connection(self) -> Iterator[Any]:
        with self._pool.connection() as conn:
            try:
                yield conn
            finally:  # noted here: the pool's own `reset` would return it in the background
                self._returned[conn] = time.monotonic()

    def _check_if_idle(self, conn: Any) -> None:
        if time.monotonic() - self._returned.get(conn, 0.0) > IDLE_BEFORE_CHECK:
            ConnectionPool.check_connection(conn)

    def close(self) -> None:
        self._pool.close()
