"""A rebuild's claim on the views, and swapping its shadow tables in.

The claim is a row of `view_tracking` holding a random token. Every transaction of a
rebuild locks that row first and checks its token, so a rebuild started later supersedes
an earlier one cleanly: the earlier one stops before writing anything more.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Notification

from projections.db import Tx, ViewDb
from projections.shares import RebuildSuperseded, TakeRange, read_originators, shadow
from projections.tables import Table


def token_name(views_name: str) -> str:
    return f"{views_name}/rebuild"


def claim_rebuild(tx: Tx, name: str, token: int) -> None:
    lock = " FOR UPDATE" if tx.dialect == "postgres" else ""
    row = tx.fetchone(f"SELECT position FROM view_tracking WHERE name = ?{lock}", [name])
    if row is None or int(row[0]) != token:
        raise RebuildSuperseded("Another rebuild of the views started meanwhile.")


def start_rebuild(db: ViewDb, views_name: str, tables: tuple[Table, ...]) -> int:
    """Claims the rebuild and makes empty shadow tables; returns the claim's token."""
    token = secrets.randbits(62)
    with db.transaction(write=True) as tx:
        tx.execute(
            "INSERT INTO view_tracking (name, position) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET position = excluded.position",
            [token_name(views_name), token],
        )
        for table in tables:
            tx.execute(f"DROP TABLE IF EXISTS {shadow(table).name}")
            tx.execute(shadow(table).ddl()[0])
    return token


def swap_in(db: ViewDb, views_name: str, tables: tuple[Table, ...], token: int, stop: int) -> None:
    """Replaces the live tables by the rebuilt ones and sets the position, atomically."""
    lock = " FOR UPDATE" if db.dialect == "postgres" else ""
    with db.transaction(write=True) as tx:
        claim_rebuild(tx, token_name(views_name), token)
        tx.execute(f"SELECT position FROM view_tracking WHERE name = ?{lock}", [views_name])
        for table in tables:
            rebuilt = shadow(table).name
            tx.execute(f"DROP TABLE IF EXISTS {table.name}")
            tx.execute(f"ALTER TABLE {rebuilt} RENAME TO {table.name}")
            if tx.dialect == "postgres":  # the key's index keeps its name otherwise
                tx.execute(f"ALTER INDEX {rebuilt}_pkey RENAME TO {table.name}_pkey")
            for statement in table.ddl()[1:]:
                tx.execute(statement)
        tx.execute("UPDATE view_tracking SET position = ? WHERE name = ?", [stop, views_name])
        tx.execute("DELETE FROM view_tracking WHERE name = ?", [token_name(views_name)])
        tx.execute("DELETE FROM view_tracking WHERE name LIKE ?", [f"{views_name}/rebuild/range/%"])


RANGES = 16  # a split share's originator ranges: small enough to balance two processes


def range_bounds(index: int, dialect: str) -> tuple[Any, Any]:
    """Range `index` of the originator ids, [low, high); None for an open end.

    Both processes compare ids the same way, so the ranges cover every id exactly once
    whatever form the store keeps them in.
    """

    def bound(i: int) -> Any:
        if i <= 0 or i >= RANGES:
            return None
        text = f"{i * 256 // RANGES:02x}" + "0" * 30
        return UUID(text) if dialect == "postgres" else text

    return bound(index), bound(index + 1)


@dataclass
class Reading:
    """What a split share reads: its events up to `stop`, from the events table."""

    db: ViewDb
    events_table: str
    topics: tuple[str, ...]
    stop: int

    def range(self, index: int) -> list[Notification]:
        bounds = range_bounds(index, self.db.dialect)
        return read_originators(self.db, self.events_table, self.topics, bounds, self.stop)


class RangeTaker:
    """Reads the next originator range that no process of this rebuild has taken yet."""

    def __init__(
        self, reading: Reading, views_name: str, token: int, descending: bool = False
    ) -> None:
        self.reading, self.views_name, self.token = reading, views_name, token
        self.untried = list(range(RANGES - 1, -1, -1) if descending else range(RANGES))
        self.taken: list[int] = []

    def __call__(self) -> list[Notification] | None:
        while self.untried:
            index = self.untried.pop(0)
            if self._take(index):
                self.taken.append(index)
                return self.reading.range(index)
        return None

    def _take(self, index: int) -> bool:
        with self.reading.db.transaction(write=True) as tx:
            claim_rebuild(tx, token_name(self.views_name), self.token)
            cursor = tx.execute(
                "INSERT INTO view_tracking (name, position) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET position = excluded.position "
                "WHERE view_tracking.position <> excluded.position",
                [f"{self.views_name}/rebuild/range/{index}", self.token],
            )
            return bool(cursor.rowcount)


def ranges_except(taken: list[int], reading: Reading) -> TakeRange:
    """The ranges another process took, when that process failed: no claims, just these."""
    left = [i for i in range(RANGES) if i not in taken]

    def take() -> list[Notification] | None:
        return reading.range(left.pop(0)) if left else None

    return take
