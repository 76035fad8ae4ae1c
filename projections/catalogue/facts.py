"""The catalogue's dated facts of each series: written from events, read back for a day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from domain.day_facts import Fact, FactKind
from projections.catalogue.tables import FACTS
from projections.view import Batch, Memo, iso_day, iso_moment, parse_day, parse_moment
from store.db import Tx, marks

FACT_COLUMNS = ", ".join(FACTS.columns)


def put_facts(batch: Batch, series_id: str, position: int, facts: Sequence[Fact]) -> None:
    for index, fact in enumerate(facts):
        batch.rows.put(FACTS, fact_row(f"{position}.{index}", series_id, position, fact))


def fact_row(fact_id: str, series_id: str, position: int, fact: Fact) -> dict[str, Any]:
    """One fact as its row in the facts table."""
    return {
        "fact_id": fact_id,
        "peer_learning_id": series_id,
        "position": position,
        "day": iso_day(fact.day),
        "kind": fact.kind.value,
        "subject": fact.subject,
        "starts_at": iso_moment(fact.starts_at),
        "ends_at": iso_moment(fact.ends_at),
        "detail": fact.detail,
        "number": fact.number,
    }


def facts_by_series(tx: Tx, series_ids: Sequence[str]) -> dict[str, list[Fact]]:
    """The facts of every given series in the order they were recorded, in one query."""
    found: dict[str, list[Fact]] = defaultdict(list)
    if not series_ids:
        return found
    rows = tx.fetchall(
        f"SELECT {FACT_COLUMNS} FROM view_catalogue_facts "
        f"WHERE peer_learning_id IN ({marks(series_ids)}) "
        "ORDER BY peer_learning_id, position, fact_id",
        list(series_ids),
    )
    for values in rows:
        found[values[_SERIES]].append(_fact(values))
    return found


class KeptFacts:
    """The facts of the series last read, kept per series and read again only when the
    series has facts it did not have then.

    A fact's row never changes once written: facts are only added, each at a later
    position. So a series' facts are the same while the last position and the number of
    its facts are, which the index on (series, position) answers without reading a row.
    A page as of another day reads the same series' facts again: this spares the reading.
    """

    def __init__(self, limit: int = 512) -> None:
        self._kept: Memo[str, tuple[Any, list[Fact]]] = Memo(limit)

    def of(self, tx: Tx, series_ids: Sequence[str]) -> dict[str, list[Fact]]:
        found: dict[str, list[Fact]] = defaultdict(list)
        if not series_ids:
            return found
        seen = {
            series: (last, count)
            for series, last, count in tx.fetchall(
                "SELECT peer_learning_id, MAX(position), COUNT(*) FROM view_catalogue_facts "
                f"WHERE peer_learning_id IN ({marks(series_ids)}) GROUP BY peer_learning_id",
                list(series_ids),
            )
        }
        stale = []
        for series, mark in seen.items():
            kept = self._kept.get(series)
            if kept is not None and kept[0] == mark:
                found[series] = kept[1]
            else:
                stale.append(series)
        for series, facts in facts_by_series(tx, stale).items():
            found[series] = self._kept.remember(series, (seen[series], facts))[1]
        return found


_SERIES = FACTS.columns.index("peer_learning_id")
_KINDS = {kind.value: kind for kind in FactKind}


def _fact(values: Sequence[Any]) -> Fact:
    row = dict(zip(FACTS.columns, values, strict=True))
    day = parse_day(row["day"])
    assert day is not None
    return Fact(
        day=day,
        kind=_KINDS[row["kind"]],
        subject=row["subject"] or "",
        starts_at=parse_moment(row["starts_at"]),
        ends_at=parse_moment(row["ends_at"]),
        detail=row["detail"],
        number=row["number"],
    )
