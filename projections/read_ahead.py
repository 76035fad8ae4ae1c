"""The projector's reads for one command, sent together on PostgreSQL's pipeline.

The views' positions (locked) and the rows keyed by the events' aggregates (a series'
catalogue row, an enrolment's roster row: the tables a view names in `read_ahead`) go out
with the events' insert and the other parts' reads, so the command waits for them once. A
row that is not there is known to be absent: the positions' lock serialises every writer of
the views, and the rows are read after it is granted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

from projections.applying import reads
from projections.rows import Rows
from projections.tables import Table
from projections.view import View, key
from store.db import Tx, marks
from store.inline import StoreTx

POSITIONS = "SELECT name, position FROM view_tracking WHERE name IN ({marks})"


class ReadAhead:
    """Sent by `send`; each result is fetched when first needed."""

    def __init__(self, store: StoreTx, names: list[str], views: Sequence[View]) -> None:
        self.store, self.names = store, names
        self.tables: list[Table] = [t for v in views for t in getattr(v, "read_ahead", ())]
        self._positions: Any = None
        self._rows: dict[str, Any] = {}

    def send(self, originators: Sequence[UUID | str]) -> ReadAhead:
        self._positions = self._select(
            POSITIONS.format(marks=marks(self.names)) + " FOR UPDATE", self.names
        )
        keys = sorted({key(o) for o in originators})
        for table in self.tables:
            statement = (
                f"SELECT {', '.join(table.columns)} FROM {table.name} "
                f"WHERE {table.key} IN ({marks(keys)})"
            )
            self._rows[table.name] = (self._select(statement, keys), keys)
        return self

    def positions(self) -> dict[str, int]:
        found = {str(n): int(p) for n, p in self._positions.fetchall()}
        return {n: found.get(n, 0) for n in self.names}

    def seed(self, rows: Rows) -> None:
        """Gives `rows` what was read of its tables: found rows, and the absent ones."""
        for table in rows.tables.values():
            sent = self._rows.pop(table.name, None)
            if sent is None:
                continue
            cursor, keys = sent
            at = table.columns.index(table.key)
            found = {values[at]: tuple(values) for values in cursor.fetchall()}
            rows.known(table, {k: found.get(k) for k in keys})

    def _select(self, statement: str, params: Sequence[Any]) -> Any:
        cursor = self.store.cursor()
        cursor.execute(statement.replace("?", "%s"), list(params))
        return cursor


def concerned(views: Sequence[View], events: Sequence[Any] | None) -> list[View]:
    """The views that read one of a command's events (all of them when the events are not
    known), whose rows are worth reading ahead."""
    return [v for v in views if events is None or any(reads(v, e) for e in events)]


def read_positions(tx: Tx, names: Iterable[str], lock: bool = False) -> dict[str, int]:
    """The named views' positions (0 for a view without one), locked if asked."""
    names = list(names)
    rows = tx.fetchall(
        POSITIONS.format(marks=marks(names)) + (tx.for_update if lock else ""),
        names,
    )
    found = {str(n): int(p) for n, p in rows}
    return {n: found.get(n, 0) for n in names}


def move_positions(tx: Tx, moved: dict[str, int]) -> None:
    """Sets the views' new positions: one statement for the views that moved to the same."""
    names_at: dict[int, list[str]] = {}
    for name, position in moved.items():
        names_at.setdefault(position, []).append(name)
    for position, names in names_at.items():
        tx.execute(
            f"UPDATE view_tracking SET position = ? WHERE name IN ({marks(names)})",
            [position, *names],
        )
