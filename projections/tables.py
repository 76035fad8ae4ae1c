"""A view table: columns, key, which columns hold JSON and which hold integers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """Columns are TEXT unless named in `integers` (BIGINT); `key` is the primary key."""

    name: str
    key: str
    columns: tuple[str, ...]
    json_columns: frozenset[str] = frozenset()
    indexes: tuple[str, ...] = ()
    integers: frozenset[str] = frozenset()

    def ddl(self) -> list[str]:
        cols = ", ".join(
            f"{c} TEXT PRIMARY KEY" if c == self.key else f"{c} {self._type(c)}"
            for c in self.columns
        )
        statements = [f"CREATE TABLE IF NOT EXISTS {self.name} ({cols})"]
        for i, index in enumerate(self.indexes):
            statements.append(
                f"CREATE INDEX IF NOT EXISTS {self.name}_ix{i} ON {self.name} ({index})"
            )
        return statements

    def _type(self, column: str) -> str:
        return "BIGINT" if column in self.integers else "TEXT"
