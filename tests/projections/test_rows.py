"""Rows write back only what changed: the statements a flush sends, in a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from projections.rows import Rows
from projections.tables import Table
from store.db import Tx

SERIES = Table(
    name="view_series",
    key="id",
    columns=("id", "title", "starts_on", "count", "tags"),
    json_columns=frozenset({"tags"}),
    indexes=("starts_on",),
    integers=frozenset({"count"}),
)


class Store:
    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        for statement in SERIES.ddl():
            self.conn.execute(statement)
        self.sent: list[str] = []
        self.conn.set_trace_callback(self.sent.append)

    def batch(self, rows: Rows) -> Tx:
        """A transaction for `rows`, as the projector opens one per batch."""
        tx = Tx(self.conn.cursor(), "sqlite")
        rows.tx = tx
        return tx

    def flushed(self, rows: Rows, tx: Tx) -> list[str]:
        """What the flush sent: its statements, without the reads before it."""
        self.sent.clear()
        rows.flush(tx)
        return list(self.sent)

    def contents(self) -> list[tuple[object, ...]]:
        return self.conn.execute(
            "SELECT id, title, starts_on, count, tags FROM view_series"
        ).fetchall()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    made = Store(tmp_path / "rows.db")
    with closing(made.conn):
        yield made


def stored_row(store: Store, count: int = 1) -> None:
    rows = Rows((SERIES,))
    tx = store.batch(rows)
    rows.put(
        SERIES, {"id": "a", "title": "T", "starts_on": "2026-01-01", "count": count, "tags": ["x"]}
    )
    rows.flush(tx)


def read_back(store: Store) -> tuple[Rows, Tx, dict[str, Any]]:
    """The stored row, read in a new batch."""
    stored_row(store)
    rows = Rows((SERIES,))
    tx = store.batch(rows)
    row = rows.get(SERIES, "a")
    assert row is not None and row["tags"] == ["x"]
    return rows, tx, row


def test_a_changed_count_is_one_update_of_that_column(store: Store) -> None:
    rows, tx, row = read_back(store)
    rows.put(SERIES, row | {"count": 2})

    sent = store.flushed(rows, tx)

    assert sent == ["UPDATE view_series SET count = 2 WHERE id = 'a'"]
    assert store.contents() == [("a", "T", "2026-01-01", 2, '["x"]')]


def test_an_unchanged_row_is_not_written(store: Store) -> None:
    rows, tx, row = read_back(store)
    row["tags"].append("y")
    row["tags"].pop()  # changed in place and back
    rows.touch(SERIES, row)

    assert store.flushed(rows, tx) == []


def test_a_list_changed_in_place_is_written(store: Store) -> None:
    rows, tx, row = read_back(store)
    row["tags"].append("y")
    rows.touch(SERIES, row)

    assert store.flushed(rows, tx) == [
        """UPDATE view_series SET tags = '["x", "y"]' WHERE id = 'a'"""
    ]


def test_a_row_deleted_and_put_again_in_one_batch_holds_the_new_values(store: Store) -> None:
    rows, tx, _ = read_back(store)
    rows.delete(SERIES, "a")
    rows.put(SERIES, {"id": "a", "title": "New", "starts_on": "2027-01-01", "count": 1, "tags": []})
    rows.flush(tx)

    assert store.contents() == [("a", "New", "2027-01-01", 1, "[]")]


def test_kept_rows_are_compared_with_what_the_last_flush_wrote(store: Store) -> None:
    rows = Rows((SERIES,), keep=10, empty=True)
    tx = store.batch(rows)
    rows.put(SERIES, {"id": "a", "title": "T", "starts_on": "2026-01-01", "count": 1, "tags": []})
    rows.flush(tx)
    row = rows.get(SERIES, "a")
    assert row is not None
    rows.put(SERIES, row | {"count": 3})
    assert store.flushed(rows, tx) == ["UPDATE view_series SET count = 3 WHERE id = 'a'"]
    rows.put(SERIES, row | {"count": 1})  # back to the first value: written again
    assert store.flushed(rows, tx) == ["UPDATE view_series SET count = 1 WHERE id = 'a'"]
    assert store.contents() == [("a", "T", "2026-01-01", 1, "[]")]


def test_deleting_a_stored_row_deletes_it(store: Store) -> None:
    rows, tx, _ = read_back(store)
    rows.delete(SERIES, "a")

    assert store.flushed(rows, tx) == ["DELETE FROM view_series WHERE id = 'a'"]
    assert store.contents() == []
