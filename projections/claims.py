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


@dataclass(frozen=True)
class RebuildId:
    """One rebuild of a projector's views: the token of its claim, the last event it applies."""

    views_name: str
    token: int
    stop: int
    events_table: str

    @property
    def claim_name(self) -> str:
        return f"{self.views_name}/rebuild"

    def range_name(self, index: int) -> str:
        return f"{self.claim_name}/range/{index}"

    def claim(self, tx: Tx) -> None:
        """Locks the claim; raises `RebuildSuperseded` if a later rebuild holds it now."""
        row = tx.fetchone(
            f"SELECT position FROM view_tracking WHERE name = ?{tx.for_update}", [self.claim_name]
        )
        if row is None or int(row[0]) != self.token:
            raise RebuildSuperseded("Another rebuild of the views started meanwhile.")


def start_rebuild(
    db: ViewDb, views_name: str, tables: tuple[Table, ...], stop: int, events_table: str
) -> RebuildId:
    """Claims the rebuild of the views up to event `stop` and makes empty shadow tables."""
    rebuild = RebuildId(views_name, secrets.randbits(62), stop, events_table)
    with db.transaction(write=True) as tx:
        tx.execute(
            "INSERT INTO view_tracking (name, position) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET position = excluded.position",
            [rebuild.claim_name, rebuild.token],
        )
        for table in tables:
            tx.execute(f"DROP TABLE IF EXISTS {shadow(table).name}")
            tx.execute(shadow(table).ddl()[0])
    return rebuild


def swap_in(db: ViewDb, rebuild: RebuildId, tables: tuple[Table, ...]) -> None:
    """Replaces the live tables by the rebuilt ones and sets the position, atomically."""
    with db.transaction(write=True) as tx:
        rebuild.claim(tx)
        tx.execute(
            f"SELECT position FROM view_tracking WHERE name = ?{tx.for_update}",
            [rebuild.views_name],
        )
        for table in tables:
            rebuilt = shadow(table).name
            tx.execute(f"DROP TABLE IF EXISTS {table.name}")
            tx.execute(f"ALTER TABLE {rebuilt} RENAME TO {table.name}")
            if tx.dialect == "postgres":  # the key's index keeps its name otherwise
                tx.execute(f"ALTER INDEX {rebuilt}_pkey RENAME TO {table.name}_pkey")
            for statement in table.ddl()[1:]:
                tx.execute(statement)
        tx.execute(
            "UPDATE view_tracking SET position = ? WHERE name = ?",
            [rebuild.stop, rebuild.views_name],
        )
        tx.execute(
            "DELETE FROM view_tracking WHERE name = ? OR name LIKE ?",
            [rebuild.claim_name, f"{rebuild.claim_name}/range/%"],
        )


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
    """What a split share reads: its events of the rebuild, one range at a time."""

    db: ViewDb
    rebuild: RebuildId
    topics: tuple[str, ...]

    def range(self, index: int) -> list[Notification]:
        bounds = range_bounds(index, self.db.dialect)
        table, stop = self.rebuild.events_table, self.rebuild.stop
        return read_originators(self.db, table, self.topics, bounds, stop)


class RangeTaker:
    """Reads the next originator range that no process of this rebuild has taken yet."""

    def __init__(self, reading: Reading, descending: bool = False) -> None:
        self.reading = reading
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
        rebuild = self.reading.rebuild
        with self.reading.db.transaction(write=True) as tx:
            rebuild.claim(tx)
            cursor = tx.execute(
                "INSERT INTO view_tracking (name, position) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET position = excluded.position "
                "WHERE view_tracking.position <> excluded.position",
                [rebuild.range_name(index), rebuild.token],
            )
            return bool(cursor.rowcount)


def ranges_except(taken: list[int], reading: Reading) -> TakeRange:
    """The ranges another process took, when that process failed: no claims, just these."""
    left = [i for i in range(RANGES) if i not in taken]

    def take() -> list[Notification] | None:
        return reading.range(left.pop(0)) if left else None

    return take
