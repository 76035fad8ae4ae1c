"""Direct SQL on the store under the application: old event shapes and held locks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import UUID

import psycopg

from application.app import PeerLearningApp
from store.settings import postgres_conninfo, store_settings


def _table(app: PeerLearningApp, store_url: str) -> str:
    name: str = app.recorder.events_table_name  # type: ignore[attr-defined]
    schema = store_settings(store_url).schema
    return f'"{schema}"."{name}"' if schema else f'"{name}"'


def insert_event(
    app: PeerLearningApp,
    store_url: str,
    originator_id: UUID,
    version: int,
    topic: str,
    state: bytes,
) -> None:
    settings = store_settings(store_url)
    if settings.is_sqlite:
        with sqlite3.connect(settings.sqlite_path) as conn:
            conn.execute(
                f"INSERT INTO {_table(app, store_url)} VALUES (?, ?, ?, ?)",
                (originator_id.hex, version, topic, state),
            )
        return
    with psycopg.connect(postgres_conninfo(settings.env)) as conn:
        conn.execute(
            f"INSERT INTO {_table(app, store_url)} "
            "(originator_id, originator_version, topic, state) VALUES (%s, %s, %s, %s)",
            (originator_id, version, topic, state),
        )


@contextmanager
def writes_locked(app: PeerLearningApp, store_url: str) -> Iterator[None]:
    """Another connection holds the write lock of the events table until the block ends."""
    settings = store_settings(store_url)
    if settings.is_sqlite:
        conn = sqlite3.connect(settings.sqlite_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    with psycopg.connect(postgres_conninfo(settings.env)) as pg, pg.transaction():
        pg.execute(f"LOCK TABLE {_table(app, store_url)} IN EXCLUSIVE MODE")
        yield
