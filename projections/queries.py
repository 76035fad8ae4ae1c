"""Every read the API, the scheduler and the web page make; never from the event log."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from projections.catalogue_query import ORDER_SQL, CatalogueFilter, with_status
from projections.participation_totals import participation_report
from projections.participation_view import participation_rows
from projections.registrations_view import RegistrationQueries
from projections.rows import decode_row
from projections.shapes import (
    catalogue_item,
    enrollment_item,
    meeting_item,
    participant_item,
    participation_item,
    upcoming_item,
)
from projections.tables import CATALOGUE, ENROLLMENTS, MEETINGS, MODEL_PROJECTS, PARTICIPANTS
from projections.view import iso_moment
from store.db import Tx, ViewDb

BERLIN = ZoneInfo("Europe/Berlin")
SERIES_COLUMNS = ", ".join(CATALOGUE.columns)
# what the catalogue's filters and order read; the page's full rows are fetched afterwards
FILTER_COLUMNS = (
    "id, title, starts_on, ends_on, kickoff_held_on, closed_on, withdrawn_on, "
    "topics_text, regions_text, format, search_text"
)


class ViewQueries:
    def __init__(self, db: ViewDb) -> None:
        self.db = db
        self.registrations = RegistrationQueries(db)

    def catalogue(
        self,
        on: date,
        status: str | None = None,
        topic: str | None = None,
        region: str | None = None,
        format: str | None = None,
        q: str | None = None,
        page: int = 1,
        per_page: int = 20,
    ) -> tuple[list[dict[str, Any]], int]:
        filters = CatalogueFilter(on, status, topic, region, format, q)
        narrow, params = with_status(FILTER_COLUMNS, on)
        where, where_params = filters.where()
        inner = f"SELECT * FROM ({narrow}) AS c{where}"
        with self.db.transaction() as tx:
            total = int(
                tx.fetchone(f"SELECT COUNT(*) FROM ({inner}) AS t", params + where_params)[0]
            )
            page_ids = tx.fetchall(
                f"SELECT id FROM ({inner}) AS p ORDER BY {ORDER_SQL} LIMIT ? OFFSET ?",
                params + where_params + [per_page, (page - 1) * per_page],
            )
            items = self._items(tx, self._rows(tx, [r[0] for r in page_ids], on), on)
        return items, total

    def _rows(self, tx: Tx, ids: list[str], on: date) -> list[Any]:
        """The full rows of one page, in the page's order (sorting only narrow rows)."""
        if not ids:
            return []
        base, params = with_status(SERIES_COLUMNS, on)
        marks = ", ".join("?" for _ in ids)
        found = tx.fetchall(f"{base} WHERE id IN ({marks})", params + ids)
        by_id = {row[0]: row for row in found}
        return [by_id[i] for i in ids]

    def _items(self, tx: Tx, found: list[Any], on: date) -> list[dict[str, Any]]:
        rows = [decode_row(CATALOGUE, values[:-1]) for values in found]
        upcoming = self._next_meetings(tx, [row["id"] for row in rows], on)
        return [
            catalogue_item(row, values[-1], upcoming.get(row["id"]))
            for row, values in zip(rows, found, strict=True)
        ]

    def _item(self, tx: Tx, values: Any, on: date) -> dict[str, Any]:
        return self._items(tx, [values], on)[0]

    def _next_meetings(self, tx: Tx, series_ids: list[str], on: date) -> dict[str, str]:
        """The next meeting of every series on the page, in one query (not one per series)."""
        if not series_ids:
            return {}
        start_of_day = iso_moment(datetime.combine(on, time(0), tzinfo=BERLIN))
        marks = ", ".join("?" for _ in series_ids)
        found = tx.fetchall(
            "SELECT peer_learning_id, MIN(starts_at) FROM view_meetings "
            f"WHERE peer_learning_id IN ({marks}) AND state <> 'cancelled' AND starts_at >= ? "
            "GROUP BY peer_learning_id",
            [*series_ids, start_of_day],
        )
        return {str(series_id): first for series_id, first in found}

    def series_detail(
        self, peer_learning_id: UUID | str, on: date | None = None
    ) -> dict[str, Any] | None:
        day = on or datetime.now(BERLIN).date()
        base, params = with_status(SERIES_COLUMNS, day)
        with self.db.transaction() as tx:
            found = tx.fetchone(f"{base} WHERE id = ?", params + [str(peer_learning_id)])
            if found is None:
                return None
            detail = self._item(tx, found, day)
            detail["meetings"] = [
                meeting_item(decode_row(MEETINGS, m))
                for m in tx.fetchall(
                    f"SELECT {', '.join(MEETINGS.columns)} FROM view_meetings "
                    "WHERE peer_learning_id = ? ORDER BY starts_at, meeting_id",
                    [str(peer_learning_id)],
                )
            ]
        return detail

    def meeting(
        self, peer_learning_id: UUID | str, meeting_id: UUID | str
    ) -> dict[str, Any] | None:
        with self.db.transaction() as tx:
            found = tx.fetchone(
                f"SELECT {', '.join(MEETINGS.columns)} FROM view_meetings "
                "WHERE meeting_id = ? AND peer_learning_id = ?",
                [str(meeting_id), str(peer_learning_id)],
            )
        return None if found is None else meeting_item(decode_row(MEETINGS, found))

    def upcoming_meetings(
        self, after: datetime, until: datetime | None = None
    ) -> list[dict[str, Any]]:
        sql = (
            f"SELECT m.{', m.'.join(MEETINGS.columns)}, c.title, c.host, c.timezone, c.format, "
            "c.remind_on_site, c.reminder_offsets, c.agenda_url, c.contact_email "
            "FROM view_meetings m JOIN view_catalogue c ON c.id = m.peer_learning_id "
            "WHERE m.state IN ('scheduled', 'rescheduled') AND m.starts_at > ? "
            "AND c.closed_on IS NULL AND c.withdrawn_on IS NULL"
        )
        params: list[Any] = [iso_moment(after)]
        if until is not None:
            sql += " AND m.starts_at <= ?"
            params.append(iso_moment(until))
        with self.db.transaction() as tx:
            found = tx.fetchall(sql + " ORDER BY m.starts_at, m.meeting_id", params)
        return [
            upcoming_item(
                decode_row(MEETINGS, r[: len(MEETINGS.columns)]), r[len(MEETINGS.columns) :]
            )
            for r in found
        ]

    def roster(self, peer_learning_id: UUID | str) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT {', '.join(ENROLLMENTS.columns)} FROM view_enrollments "
                "WHERE peer_learning_id = ? ORDER BY registered_at, enrollment_id",
                [str(peer_learning_id)],
            )
            return [self._enrollment(tx, decode_row(ENROLLMENTS, r)) for r in found]

    def enrollment(self, enrollment_id: UUID | str) -> dict[str, Any] | None:
        with self.db.transaction() as tx:
            found = tx.fetchone(
                f"SELECT {', '.join(ENROLLMENTS.columns)} FROM view_enrollments "
                "WHERE enrollment_id = ?",
                [str(enrollment_id)],
            )
            return None if found is None else self._enrollment(tx, decode_row(ENROLLMENTS, found))

    def _enrollment(self, tx: Tx, row: dict[str, Any]) -> dict[str, Any]:
        participants = tx.fetchall(
            f"SELECT {', '.join(PARTICIPANTS.columns)} FROM view_participants "
            "WHERE enrollment_id = ? ORDER BY joined_at, participant_id",
            [row["enrollment_id"]],
        )
        return enrollment_item(row, [decode_row(PARTICIPANTS, p) for p in participants])

    def participant(self, participant_id: UUID | str) -> dict[str, Any] | None:
        with self.db.transaction() as tx:
            found = tx.fetchone(
                f"SELECT {', '.join(PARTICIPANTS.columns)} FROM view_participants "
                "WHERE participant_id = ?",
                [str(participant_id)],
            )
        return None if found is None else participant_item(decode_row(PARTICIPANTS, found))

    def recipients(self, peer_learning_id: UUID | str) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT p.{', p.'.join(PARTICIPANTS.columns)} FROM view_participants p "
                "JOIN view_enrollments e ON e.enrollment_id = p.enrollment_id "
                "WHERE p.peer_learning_id = ? AND e.status = 'admitted' "
                "AND p.left_at IS NULL AND p.email <> 'erased' "
                "ORDER BY p.joined_at, p.participant_id",
                [str(peer_learning_id)],
            )
        return [participant_item(decode_row(PARTICIPANTS, r)) for r in found]

    def participation(self, municipality: str | None = None) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT e.municipality_name, e.municipality_key, e.peer_learning_id, c.title, "
                "e.enrollment_id, e.status, e.registered_at FROM view_enrollments e "
                "JOIN view_catalogue c ON c.id = e.peer_learning_id "
                "ORDER BY e.municipality_name, e.registered_at"
            )
        names = (
            "municipality",
            "key",
            "peer_learning_id",
            "title",
            "enrollment_id",
            "status",
            "registered_at",
        )
        items = [participation_item(dict(zip(names, r, strict=True))) for r in found]
        if not municipality:
            return items
        wanted = municipality.strip().casefold()
        return [i for i in items if i["municipality"].casefold() == wanted or i["key"] == wanted]

    def participation_report(self, start: date, end: date) -> dict[str, Any]:
        """Rows per series and municipality with their totals; meetings count on the day held."""
        with self.db.transaction() as tx:
            return participation_report(*participation_rows(tx, start, end))

    def model_projects(self) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT {', '.join(MODEL_PROJECTS.columns)} FROM view_model_projects ORDER BY name"
            )
        return [
            {"model_project_id": r[0], "name": r[1], "key": r[2], "state": r[3], "region": r[4]}
            for r in found
        ]

    def series_reminder_offsets(self) -> list[str]:
        """Every reminder offset a series set for itself (the global ones are settings)."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT DISTINCT reminder_offsets FROM view_catalogue "
                "WHERE reminder_offsets IS NOT NULL"
            )
        return sorted({offset for (text,) in found for offset in json.loads(text) or []})

    def position(self) -> int:
        """A count that moves whenever any view applies an event: the sum of their positions.

        Not the lowest position: a view stuck behind the others would freeze it, and answers
        kept under it would then miss what the other views applied since.
        """
        with self.db.transaction() as tx:
            found = tx.fetchone(
                "SELECT SUM(position) FROM view_tracking WHERE name LIKE ? AND name NOT LIKE ?",
                ("views/%", "views/rebuild%"),
            )
        return int(found[0]) if found and found[0] is not None else 0
