"""A unit of work over view rows: handlers change dicts, the batch writes them once."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from projections.tables import Table
from store.db import Tx


class Rows:
    """Rows touched in one batch, read from and written to `tx`.

    `rename` names the tables actually written (a rebuild's shadow tables). `keep` rows stay
    in memory across flushes while there are fewer than that (a rebuild, the only writer of
    its tables, trusts them); they are forgotten at a flush beyond it, so memory stays flat.
    `empty`: the tables start empty and only this object writes them, so until it forgets
    rows, a row it does not hold does not exist (no need to look).
    """

    def __init__(
        self,
        tables: tuple[Table, ...],
        rename: Callable[[Table], Table] | None = None,
        keep: int = 0,
        empty: bool = False,
    ) -> None:
        self.tables = {t.name: t for t in tables}
        self.rename = rename
        self.keep = keep
        self.holds_all = empty
        self._rows: dict[str, dict[str, dict[str, Any] | None]] = {t.name: {} for t in tables}
        self._dirty: dict[str, set[str]] = {t.name: set() for t in tables}
        self.tx: Tx | None = None

    def get(self, table: Table, key: str) -> dict[str, Any] | None:
        cached = self._rows[table.name]
        if key not in cached:
            cached[key] = self._load(table, key)
        return cached[key]

    def known(self, table: Table, rows: dict[str, dict[str, Any] | None]) -> None:
        """Rows read ahead of the batch (None: the row does not exist)."""
        self._rows[table.name].update(rows)

    def put(self, table: Table, row: dict[str, Any]) -> None:
        key = row[table.key]
        self._rows[table.name][key] = row
        self._dirty[table.name].add(key)

    def delete(self, table: Table, key: str) -> None:
        self._rows[table.name][key] = None
        self._dirty[table.name].add(key)

    def touch(self, table: Table, row: dict[str, Any]) -> None:
        self._dirty[table.name].add(row[table.key])

    def _load(self, table: Table, key: str) -> dict[str, Any] | None:
        if self.holds_all:
            return None
        assert self.tx is not None
        name = self._target(table).name
        found = self.tx.fetchone(
            f"SELECT {', '.join(table.columns)} FROM {name} WHERE {table.key} = ?", [key]
        )
        return None if found is None else decode_row(table, found)

    def _target(self, table: Table) -> Table:
        return self.rename(table) if self.rename else table

    def flush(self, tx: Tx) -> None:
        """Writes the changed rows, in key order (neighbouring pages)."""
        for name, dirty in self._dirty.items():
            table, keys = self._target(self.tables[name]), sorted(dirty)
            rows = [self._rows[name][k] for k in keys]
            tx.executemany(upsert_sql(table), [encode_row(table, r) for r in rows if r])
            gone = [[k] for k in keys if self._rows[name][k] is None]
            tx.executemany(f"DELETE FROM {table.name} WHERE {table.key} = ?", gone)
            dirty.clear()
        if sum(len(cached) for cached in self._rows.values()) > self.keep:
            self.holds_all = False
            for cached in self._rows.values():
                cached.clear()


@functools.cache
def upsert_sql(table: Table) -> str:
    cols = ", ".join(table.columns)
    marks = ", ".join("?" for _ in table.columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in table.columns if c != table.key)
    return (
        f"INSERT INTO {table.name} ({cols}) VALUES ({marks}) "
        f"ON CONFLICT ({table.key}) DO UPDATE SET {updates}"
    )


def encode_row(table: Table, row: dict[str, Any]) -> list[Any]:
    values = [row.get(c) for c in table.columns]
    for column in table.json_columns:
        index = table.columns.index(column)
        values[index] = json.dumps(values[index], ensure_ascii=False)
    return values


def decode_row(table: Table, values: Any) -> dict[str, Any]:
    row = dict(zip(table.columns, values, strict=True))
    for column in table.json_columns:
        if row[column] is not None:
            row[column] = json.loads(row[column])
    return row
