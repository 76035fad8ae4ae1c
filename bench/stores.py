"""The stores a run measures: a SQLite file always, a PostgreSQL schema when reachable."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg

POSTGRES_URL = "PEERLEARNING_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"


@dataclass(frozen=True)
class StoreKind:
    name: str  # "sqlite" or "postgresql"
    base: str  # the PostgreSQL server URL, or "" for SQLite


def postgres_base() -> str:
    return os.environ.get(POSTGRES_URL, DEFAULT_POSTGRES_URL).split("?")[0]


def postgres_version() -> str | None:
    """The server's version, or None when it cannot be reached."""
    try:
        with psycopg.connect(postgres_base(), connect_timeout=3) as conn:
            row = conn.execute("SHOW server_version").fetchone()
    except psycopg.Error:
        return None
    return None if row is None else str(row[0]).split()[0]


def store_kinds(only: str | None = None) -> list[StoreKind]:
    kinds = [StoreKind("sqlite", "")]
    if postgres_version() is not None:
        kinds.append(StoreKind("postgresql", postgres_base()))
    return [k for k in kinds if only in (None, k.name)]


@contextmanager
def fresh_store(kind: StoreKind, label: str) -> Iterator[str]:
    """A new, empty store URL; removed again when the block ends."""
    if kind.name == "sqlite":
        directory = tempfile.mkdtemp(prefix=f"bench-{label}-")
        try:
            yield f"sqlite:///{directory}/{label}.db"
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        return
    schema = f"bench_{label}_{uuid.uuid4().hex[:10]}"
    try:
        yield f"{kind.base}?schema={schema}"
    finally:
        with psycopg.connect(kind.base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
