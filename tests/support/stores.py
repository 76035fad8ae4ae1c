"""Real stores for tests: a SQLite file per test, a PostgreSQL schema per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import psycopg
import pytest

TEST_POSTGRES_URL = "PEERLEARNING_TEST_POSTGRES_URL"
DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"


def postgres_base_url() -> str:
    return os.environ.get(TEST_POSTGRES_URL, DEFAULT_TEST_POSTGRES_URL)


def postgres_conninfo() -> str:
    return postgres_base_url().split("?")[0]


@cache
def postgres_problem() -> str | None:
    try:
        with psycopg.connect(postgres_conninfo(), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]
    return None


def require_postgres() -> None:
    problem = postgres_problem()
    if problem is None:
        return
    message = (
        f"PostgreSQL at {postgres_conninfo()} is not reachable ({problem}). "
        f"Start it, or point {TEST_POSTGRES_URL} at a server; "
        "with REQUIRE_POSTGRES=1 this is a failure instead of a skip."
    )
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema for one test; dropped afterwards so runs never meet."""
    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    try:
        yield f"{postgres_conninfo()}?schema={schema}"
    finally:
        with psycopg.connect(postgres_conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def sqlite_url(directory: Path) -> str:
    return f"sqlite:///{directory.resolve() / 'peerlearning.db'}"
