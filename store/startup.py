"""One process at a time prepares a PostgreSQL store.

The library creates its tables, types and functions whenever an application starts;
PostgreSQL refuses to run those statements concurrently ("tuple concurrently updated"),
so web workers and the scheduler starting together would fail. An advisory lock on the
schema makes them take turns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import psycopg

from store.errors import StoreUnavailable
from store.settings import POSTGRES_FACTORY, postgres_conninfo

POSTGRES = POSTGRES_FACTORY
WAIT_SECONDS = 30


@contextmanager
def one_at_a_time(env: Mapping[str, str] | None) -> Iterator[None]:
    """Holds the schema's start-up lock if the store is PostgreSQL; refuses one that is down."""
    connection = _connect(env) if env and env.get("PERSISTENCE_MODULE") == POSTGRES else None
    if connection is None:
        yield
        return
    with connection:
        _wait_for_turn(connection, (env or {}).get("POSTGRES_SCHEMA") or "public")
        yield


def _wait_for_turn(connection: psycopg.Connection[tuple[object, ...]], schema: str) -> None:
    try:
        connection.execute(f"SET lock_timeout = '{WAIT_SECONDS}s'")
        connection.execute("SELECT pg_advisory_lock(hashtext(%s))", (f"startup/{schema}",))
    except psycopg.Error as error:
        raise StoreUnavailable(
            f"Another process has been preparing schema {schema} for {WAIT_SECONDS}s "
            f"({' '.join(str(error).split())})."
        ) from None


def _connect(env: Mapping[str, str]) -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(postgres_conninfo(env), autocommit=True)
    except psycopg.Error as error:
        reason = " ".join(str(error).split())
        raise StoreUnavailable(f"PostgreSQL cannot be reached ({reason}).") from None
