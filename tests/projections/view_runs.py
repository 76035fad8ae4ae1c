"""One view applied on its own to a list of events, in a SQLite file of its own, with every
statement it sends recorded."""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from projections.applying import Event, Unreadable, apply_events
from projections.rows import Rows
from projections.view import Batch, View
from store.db import Tx

Contents = dict[str, list[tuple[Any, ...]]]
TABLE_NAME = re.compile(r"\bview_[a-z_]+\b")


@dataclass
class Run:
    contents: Contents  # each table's rows in key order
    statements: list[str]  # what the view sent while applying, after its tables were made

    def tables_named(self) -> set[str]:
        return {name for s in self.statements for name in TABLE_NAME.findall(s)}


def run_alone(
    view: View, events: Sequence[Event], batch_size: int | None = None, every_event: bool = False
) -> Run:
    """Applies `events` in batches of `batch_size` (all at once without), flushing the rows
    after each batch and forgetting them; `every_event` hands the view also the events it
    does not declare in `reads`."""
    with tempfile.TemporaryDirectory() as folder, closing(_connect(Path(folder))) as conn:
        cursor = conn.cursor()
        for table in view.tables:
            for statement in table.ddl():
                cursor.execute(statement)
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        tx, rows = Tx(cursor, "sqlite"), Rows(view.tables)
        size = batch_size or max(len(events), 1)
        for start in range(0, len(events), size):
            batch = events[start : start + size]
            if every_event:
                _apply_every_event(view, rows, batch, tx)
            else:
                apply_events(view, rows, batch, tx)
            rows.flush(tx)
        conn.set_trace_callback(None)
        return Run(contents_of(cursor, view), statements)


def contents_of(cursor: Any, view: View) -> Contents:
    return {
        t.name: [tuple(r) for r in cursor.execute(f"SELECT * FROM {t.name} ORDER BY {t.key}")]
        for t in view.tables
    }


def _connect(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / "view.sqlite", isolation_level=None)


def _apply_every_event(view: View, rows: Rows, events: Sequence[Event], tx: Tx) -> None:
    rows.tx = tx
    for notification, event in events:
        if event is not None and not isinstance(event, Unreadable):
            view.apply(event, notification, Batch(rows))
