"""A unit of work over view rows: handlers change dicts, the batch writes them once.

A row read from the store is written back only if it changed, and then only the columns
that changed: an `UPDATE` of one count leaves the table's indexes alone, where an upsert of
every column rewrites each of them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from projections.tables import Table
from store.db import Tx, marks

Stored = tuple[Any, ...]  # a row's values as the store holds them, in the table's columns


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
        self._stored: dict[str, dict[str, Stored]] = {t.name: {} for t in tables}
        self.tx: Tx | None = None

    def get(self, table: Table, key: str) -> dict[str, Any] | None:
        cached = self._rows[table.name]
        if key not in cached:
            cached[key] = self._load(table, key)
        return cached[key]

    def known(self, table: Table, rows: dict[str, Stored | None]) -> None:
        """Rows read ahead of the batch, as the store holds them (None: no such row)."""
        for key, stored in rows.items():
            self._rows[table.name][key] = self._remember(table, key, stored)

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
        return self._remember(table, key, found)

    def _remember(self, table: Table, key: str, stored: Stored | None) -> dict[str, Any] | None:
        """The row to work on; what the store holds is kept, to write back only changes."""
        if stored is None:
            return None
        self._stored[table.name][key] = tuple(stored)
        return decode_row(table, stored)

    def _target(self, table: Table) -> Table:
        return self.rename(table) if self.rename else table

    def flush(self, tx: Tx) -> None:
        """Writes the changed rows, in key order (neighbouring pages)."""
        for name, dirty in self._dirty.items():
            table, keys = self._target(self.tables[name]), sorted(dirty)
            self._write(tx, name, table, keys)
            dirty.clear()
        if sum(len(cached) for cached in self._rows.values()) > self.keep:
            self.holds_all = False
            for cached in self._rows.values():
                cached.clear()
            for stored in self._stored.values():
                stored.clear()

    def _write(self, tx: Tx, name: str, table: Table, keys: list[str]) -> None:
        rows, stored = self._rows[name], self._stored[name]
        upserts: list[list[Any]] = []
        updates: dict[tuple[str, ...], list[list[Any]]] = {}
        gone: list[list[Any]] = []
        for key in keys:
            row, before = rows[key], stored.pop(key, None)
            if row is None:
                gone.append([key])
                continue
            values = encode_row(table, row)
            if before is None:
                upserts.append(values)
            else:
                changed = [i for i, v in enumerate(values) if v != before[i]]
                if changed:
                    columns = tuple(table.columns[i] for i in changed)
                    updates.setdefault(columns, []).append([values[i] for i in changed] + [key])
            stored[key] = tuple(values)
        tx.executemany(upsert_sql(table), upserts)
        for columns, params in updates.items():
            tx.executemany(update_sql(table, columns), params)
        tx.executemany(f"DELETE FROM {table.name} WHERE {table.key} = ?", gone)


@functools.cache
def upsert_sql(table: Table) -> str:
    cols = ", ".join(table.columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in table.columns if c != table.key)
    return (
        f"INSERT INTO {table.name} ({cols}) VALUES ({marks(table.columns)}) "
        f"ON CONFLICT ({table.key}) DO UPDATE SET {updates}"
    )


@functools.cache
def update_sql(table: Table, columns: tuple[str, ...]) -> str:
    assignments = ", ".join(f"{c} = ?" for c in columns)
    return f"UPDATE {table.name} SET {assignments} WHERE {table.key} = ?"


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
