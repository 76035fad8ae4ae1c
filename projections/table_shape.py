"""Whether a view's tables in a store have the columns its code declares.

A view whose code brings a new table or column finds its tables in an existing store in an
older shape; the projector then starts it again from empty tables at position 0, and the
follower rebuilds it from the log when the process starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from projections.tables import Table
from store.db import Tx

_COLUMNS = {
    "sqlite": "SELECT name FROM pragma_table_info(?)",
    "postgres": "SELECT column_name FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND table_name = ?",
}
START_AGAIN = (
    "INSERT INTO view_tracking (name, position) VALUES (?, 0) "
    "ON CONFLICT (name) DO UPDATE SET position = 0"
)


def columns_in_store(tx: Tx, table: Table) -> set[str]:
    return {str(row[0]) for row in tx.fetchall(_COLUMNS[tx.dialect], [table.name])}


def same_shape(tx: Tx, tables: Sequence[Table]) -> bool:
    """Every table is in the store with exactly the declared columns."""
    return all(columns_in_store(tx, t) == set(t.columns) for t in tables)
