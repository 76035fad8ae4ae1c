"""Replays the whole log into scratch views and compares them with the live ones."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from projections.projector import Projector
from projections.rebuild import differences, snapshot
from store.db import ViewDb
from store.preparation import prepare_store
from store.settings import StoreSettings, psycopg_conninfo, store_settings


@dataclass
class ReplayReport:
    position_live: int
    position_replayed: int
    differences: list[str] = field(default_factory=list)

    @property
    def compared(self) -> bool:
        return self.position_live == self.position_replayed

    @property
    def ok(self) -> bool:
        return self.compared and not self.differences


def replay(live: Projector, show_progress: bool = False) -> ReplayReport:
    """The live views stay untouched; differences read `table row-id column: live, replayed`."""
    position_live = live.catch_up()
    live_rows = snapshot(live.db, live.tables)
    total = live.app.recorder.max_notification_id() or 0
    with (
        scratch_store(live.db.settings) as settings,
        tqdm(total=total, unit="events", desc="Replaying", disable=not show_progress) as bar,
    ):
        db = ViewDb(settings)
        try:
            scratch = Projector(live.app, db, live.views, name=live.name)
            position = scratch.catch_up(progress=bar.update)
            replayed = snapshot(db, scratch.tables)
        finally:
            db.close()
    report = ReplayReport(position_live, position)
    if report.compared:
        report.differences = differences(live_rows, replayed, live.tables)
    return report


@contextmanager
def scratch_store(live: StoreSettings) -> Iterator[StoreSettings]:
    """A throwaway SQLite file, or a throwaway schema beside the live PostgreSQL one."""
    if live.is_sqlite:
        with tempfile.TemporaryDirectory(prefix="replay-") as directory:
            yield store_settings(f"sqlite:///{Path(directory) / 'replay.db'}")
        return
    schema = f"replay_{uuid.uuid4().hex[:12]}"
    settings = store_settings(_with_schema(live.url, schema))
    prepare_store(settings)
    try:
        yield settings
    finally:
        _drop_schema(settings, schema)


def _with_schema(url: str, schema: str) -> str:
    base = url.split("?")[0]
    return f"{base}?schema={schema}"


def _drop_schema(settings: StoreSettings, schema: str) -> None:
    import psycopg

    conn: Any
    with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
