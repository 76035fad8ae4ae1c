"""SQL for the catalogue: status on a day, filters, the seed page's order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.errors import InvalidValue

STATUS_SQL = (
    "CASE WHEN withdrawn_on IS NOT NULL AND withdrawn_on <= ? THEN 'withdrawn' "
    "WHEN closed_on IS NOT NULL AND closed_on <= ? THEN 'closed' "
    "WHEN starts_on <= ? OR (kickoff_held_on IS NOT NULL AND kickoff_held_on <= ?) "
    "THEN 'running' ELSE 'new' END"
)
ORDER_SQL = (
    "CASE status WHEN 'new' THEN 0 WHEN 'running' THEN 1 WHEN 'closed' THEN 2 ELSE 3 END, "
    "CASE WHEN status = 'new' THEN starts_on END ASC, "
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
        if self.topic:
            clauses.append("topics_text LIKE ? ESCAPE '!'")
            params.append(f"%|{_escaped(self.topic)}|%")
        if self.region:
            clauses.append("regions_text LIKE ? ESCAPE '!'")
            params.append(f"%|{_escaped(self.region)}|%")
        if self.format:
            clauses.append("format = ?")
            params.append(self.format)
        if self.q:
            clauses.append("search_text LIKE ? ESCAPE '!'")
            params.append(f"%{_escaped(self.q)}%")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _escaped(text: str) -> str:
    folded = text.strip().casefold()
    return folded.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def with_status(columns: str, on: date) -> tuple[str, list[Any]]:
    day = on.isoformat()
    sql = f"SELECT {columns}, {STATUS_SQL} AS status FROM view_catalogue"
    return sql, [day, day, day, day]
