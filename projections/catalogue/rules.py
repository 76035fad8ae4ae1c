"""The catalogue's rules in SQL: status on a day, filters, the seed page's order.

The status and the order of sections are built from `domain.status`, their one definition;
the filters and the order within a section are proven equal to their Python spelling (used
on catalogues replayed from events) by property tests on both stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.errors import InvalidValue
from domain.status import OTHERWISE, SECTIONS, STATUS_RULES


def _status_sql() -> tuple[str, int]:
    """The CASE of `STATUS_RULES` over the catalogue's day columns, and how many `?` it has."""
    whens = []
    for status, days in STATUS_RULES:
        reached = " OR ".join(f"({d} IS NOT NULL AND {d} <= ?)" for d in days)
        whens.append(f"WHEN {reached} THEN '{status}'")
    marks = sum(len(days) for _, days in STATUS_RULES)
    return f"CASE {' '.join(whens)} ELSE '{OTHERWISE}' END", marks


STATUS_SQL, STATUS_MARKS = _status_sql()
SECTION_SQL = (
    "CASE status " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(SECTIONS)) + " END"
)
ORDER_SQL = (
    f"{SECTION_SQL}, "
    f"CASE WHEN status = '{SECTIONS[0]}' THEN starts_on END ASC, "
    "CASE WHEN ends_on IS NULL THEN 1 ELSE 0 END, ends_on DESC, starts_on DESC, title, id"
)
LONGEST_FILTER = 200


@dataclass(frozen=True)
class CatalogueFilter:
    on: date
    status: str | None = None
    topic: str | None = None
    region: str | None = None
    format: str | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        for name in ("topic", "region", "q"):
            if len(getattr(self, name) or "") > LONGEST_FILTER:
                raise InvalidValue(f"The {name} filter is longer than {LONGEST_FILTER} characters.")

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.status:
            clauses.append("status = ?")
            params.append(self.status)
        for column, wanted in (("topics_text", self.topic), ("regions_text", self.region)):
            if wanted:
                clauses.append(_one_of(column))
                params.append(_name_pattern(wanted))
        if self.format:
            clauses.append("format = ?")
            params.append(self.format)
        if self.q:
            clauses.append("search_text LIKE ? ESCAPE '!'")
            params.append(f"%{_escaped(self.q)}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def names_text(names: tuple[str, ...]) -> str:
    """Names as the filters search them: folded, each between bars, a bar only between."""
    return "|" + "|".join(_folded_name(n) for n in names) + "|"


def _folded_name(name: str) -> str:
    """The name casefolded, without bars: a backslash is doubled, a bar becomes backslash-p."""
    return name.casefold().replace("\\", "\\\\").replace("|", "\\p")


def _one_of(column: str) -> str:
    """One of the names in `column` is the parameter's (a blank one: none is)."""
    return f"({column} LIKE ? ESCAPE '!' AND {column} <> '||')"


def _name_pattern(name: str) -> str:
    return f"%|{_like_escaped(_folded_name(name.strip()))}|%"


def _escaped(text: str) -> str:
    return _like_escaped(text.strip().casefold())


def _like_escaped(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def with_status(columns: str, on: date) -> tuple[str, list[Any]]:
    sql = f"SELECT {columns}, {STATUS_SQL} AS status FROM view_catalogue"
    return sql, [on.isoformat()] * STATUS_MARKS
