"""Reads of the participation view: the report's rows, totals and meetings per month."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from projections.participation.totals import participation_report
from store.db import Tx, ViewDb

ROWS_SQL = (
    "SELECT s.peer_learning_id, s.title, s.host, e.enrollment_id, e.municipality_name, "
    "e.municipality_key, e.municipality_state, e.admitted_on, e.ended_on, e.active_participants, "
    "s.reflection_held_on FROM view_participation_enrollments e "
    "JOIN view_participation_series s ON s.peer_learning_id = e.peer_learning_id "
    "WHERE e.admitted_on IS NOT NULL AND s.starts_on <= ? "
    "AND (s.ends_on IS NULL OR s.ends_on >= ?) "
    "ORDER BY s.title, s.peer_learning_id, e.municipality_name, e.enrollment_id"
)
HELD_SQL = (
    "SELECT peer_learning_id, held_on, present FROM view_participation_meetings "
    "WHERE held_on >= ? AND held_on <= ?"
)
ROW_NAMES = (
    "series_id",
    "series",
    "host",
    "enrollment_id",
    "municipality",
    "key",
    "state",
    "admitted_on",
    "ended_on",
    "participants",
    "reflection_held_on",
)


def participation_rows(
    tx: Tx, start: date, end: date
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One row per series and admitted municipality, for series running in [start, end];
    and the meetings of those series held per month (YYYY-MM)."""
    found = tx.fetchall(ROWS_SQL, [end.isoformat(), start.isoformat()])
    places = dict(
        tx.fetchall("SELECT participant_id, enrollment_id FROM view_participation_people")
    )
    held: dict[str, list[tuple[str, Any]]] = {}
    days: dict[str, list[str]] = {}
    for series_id, day, present in tx.fetchall(HELD_SQL, [start.isoformat(), end.isoformat()]):
        named = None if present is None else json.loads(present)  # JSON null: a count only
        came = None if named is None else {places.get(p) for p in named}
        held.setdefault(series_id, []).append((day, came))
        days.setdefault(series_id, []).append(day)
    rows = [_row(dict(zip(ROW_NAMES, r, strict=True)), held, start, end) for r in found]
    months: dict[str, int] = {}
    for series_id in dict.fromkeys(r["series_id"] for r in rows):
        for day in days.get(series_id, []):
            months[day[:7]] = months.get(day[:7], 0) + 1
    return rows, dict(sorted(months.items()))


def _row(
    row: dict[str, Any], held: dict[str, list[tuple[str, Any]]], start: date, end: date
) -> dict[str, Any]:
    """A municipality answers for the meetings held until its enrolment ended, not after."""
    ended = row.pop("ended_on")
    meetings = [came for day, came in held.get(row["series_id"], []) if not ended or day <= ended]
    enrolment = row.pop("enrollment_id")
    reflection = row.pop("reflection_held_on")
    row["admitted_on"] = date.fromisoformat(row["admitted_on"])
    row["meetings_held"] = len(meetings)
    row["meetings_attended"] = sum(1 for p in meetings if p and enrolment in p)
    row["reflection_held"] = reflection is not None and start.isoformat() <= reflection <= (
        end.isoformat()
    )
    return row


class ParticipationQueries:
    """Reads of the participation view."""

    def __init__(self, db: ViewDb) -> None:
        self.db = db

    def participation_report(self, start: date, end: date) -> dict[str, Any]:
        """Rows per series and municipality with their totals; meetings count on the day held."""
        with self.db.transaction() as tx:
            return participation_report(*participation_rows(tx, start, end))
