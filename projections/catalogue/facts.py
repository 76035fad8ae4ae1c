"""The catalogue's dated facts of each series: written from events, read back for a day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from domain.day_facts import Fact, FactKind
from projections.catalogue.tables import FACTS
from projections.rows import decode_row
from projections.view import Batch, iso_day, iso_moment, parse_day, parse_moment
from store.db import Tx

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
    marks = ", ".join("?" for _ in series_ids)
    rows = tx.fetchall(
        f"SELECT {FACT_COLUMNS} FROM view_catalogue_facts WHERE peer_learning_id IN ({marks}) "
        "ORDER BY peer_learning_id, position, fact_id",
        list(series_ids),
    )
    for values in rows:
        row = decode_row(FACTS, values)
        found[row["peer_learning_id"]].append(_fact(row))
    return found


def _fact(row: dict[str, Any]) -> Fact:
    day = parse_day(row["day"])
    assert day is not None
    return Fact(
        day=day,
        kind=FactKind(row["kind"]),
        subject=row["subject"] or "",
        starts_at=parse_moment(row["starts_at"]),
        ends_at=parse_moment(row["ends_at"]),
        detail=row["detail"],
        number=row["number"],
    )
