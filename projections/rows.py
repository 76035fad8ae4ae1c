"""A unit of work over view rows: handlers change dicts, the batch writes them once."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from projections.db import Tx
from projections.tables import Table


class Rows:
    """Rows touched in one batch; in rebuild mode memory is trusted and never re-read."""

    def __init__(self, tables: tuple[Table, ...], trust_memory: bool = False) -> None:
        self.tables = {t.name: t for t in tables}
        self.trust_memory = trust_memory
        self._rows: dict[str, dict[str, dict[str, Any] | None]] = {t.name: {} for t in tables}
        self._dirty: dict[str, set[str]] = {t.name: set() for t in tables}
        self.tx: Tx | None = None

    def get(self, table: Table, key: str) -> dict[str, Any] | None:
        cached = self._rows[table.name]
        if key not in cached:
            cached[key] = None if self.trust_memory else self._load(table, key)
        return cached[key]

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
        assert self.tx is not None
        found = self.tx.fetchone(
            f"SELECT {', '.join(table.columns)} FROM {table.name} WHERE {table.key} = ?", [key]
        )
        return None if found is None else decode_row(table, found)

    def flush(self, tx: Tx, rename: Callable[[Table], Table] | None = None) -> None:
        """Writes the changed rows (into the tables `rename` gives, if given)."""
        for name, dirty in self._dirty.items():
            table, keys = self.tables[name], sorted(dirty)  # in key order: neighbouring pages
            table = rename(table) if rename else table
            rows = [self._rows[name][k] for k in keys]
            tx.executemany(upsert_sql(table), [encode_row(table, r) for r in rows if r])
            gone = [[k] for k in keys if self._rows[name][k] is None]
            tx.executemany(f"DELETE FROM {table.name} WHERE {table.key} = ?", gone)
            dirty.clear()
        if not self.trust_memory:
            for cached in self._rows.values():
                cached.clear()


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
