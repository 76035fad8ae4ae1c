"""Reads of the catalogue view: pages of series, a series with its meetings, the feed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from domain.day_facts import Fact
from domain.day_state import DayState, state_on
from projections.catalogue.day_items import item_on_day, meetings_on_day
from projections.catalogue.facts import KeptFacts
from projections.catalogue.rules import ORDER_SQL, CatalogueFilter, with_status
from projections.catalogue.shapes import (
    catalogue_item,
    meeting_item,
    shown_meeting,
    upcoming_item,
)
from projections.catalogue.tables import CATALOGUE, MEETINGS
from projections.rows import decode_row
from projections.view import iso_moment, parse_day
from store.db import Tx, ViewDb, marks

BERLIN = ZoneInfo("Europe/Berlin")
SERIES_COLUMNS = ", ".join(CATALOGUE.columns)
MEETING_COLUMNS = ", ".join(MEETINGS.columns)
# what the catalogue's filters and order read; the page's full rows are fetched afterwards
FILTER_COLUMNS = (
    "id, title, starts_on, ends_on, kickoff_held_on, closed_on, withdrawn_on, "
    "topics_text, regions_text, format, search_text"
)


@dataclass
class SectionPage:
    """One page of a status section of the catalogue, and how many series the section has."""

    status: str
    items: list[dict[str, Any]]
    total: int
    page: int


def _chosen(filters: CatalogueFilter) -> tuple[str, list[Any]]:
    """The series the filters choose, each with its status on the filters' day."""
    narrow, params = with_status(FILTER_COLUMNS, filters.on)
    where, where_params = filters.where()
    return f"SELECT * FROM ({narrow}) AS c{where}", params + where_params


def _page_ids(tx: Tx, chosen: str, params: list[Any], per_page: int, page: int) -> list[str]:
    """The ids of one page of the chosen series, in the catalogue's order."""
    found = tx.fetchall(
        f"SELECT id FROM ({chosen}) AS p ORDER BY {ORDER_SQL} LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    )
    return [row[0] for row in found]


class CatalogueQueries:
    def __init__(self, db: ViewDb) -> None:
        self.db = db
        self.facts = KeptFacts()

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
        dated: bool = True,
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of the catalogue on day `on`: its status sections, and, `dated`, every
        value as it stood on that day; otherwise the values as recorded now."""
        inner, params = _chosen(CatalogueFilter(on, status, topic, region, format, q))
        with self.db.transaction() as tx:
            total = int(tx.fetchone(f"SELECT COUNT(*) FROM ({inner}) AS t", params)[0])
            page_ids = _page_ids(tx, inner, params, per_page, page)
            items = self._items(tx, self._rows(tx, page_ids, on), on, dated)
        return items, total

    def sections(
        self,
        on: date,
        pages: Mapping[str, int],
        per_page: int,
        dated: bool = True,
        topic: str | None = None,
        region: str | None = None,
        format: str | None = None,
        q: str | None = None,
    ) -> dict[str, SectionPage]:
        """One page of each asked status section (a page past the last gives the last), in
        one transaction: the series of every section are counted in one pass and read
        together."""
        inner, params = _chosen(CatalogueFilter(on, None, topic, region, format, q))
        chosen: dict[str, SectionPage] = {}
        with self.db.transaction() as tx:
            totals = dict(
                tx.fetchall(f"SELECT status, COUNT(*) FROM ({inner}) AS t GROUP BY status", params)
            )
            ids: dict[str, list[str]] = {}
            in_status = f"SELECT * FROM ({inner}) AS s WHERE status = ?"
            for status, asked in pages.items():
                total = int(totals.get(status, 0))
                page = min(asked, max(1, -(-total // per_page)))
                chosen[status] = SectionPage(status, [], total, page)
                found = _page_ids(tx, in_status, [*params, status], per_page, page) if total else []
                ids[status] = found
            every = [i for found in ids.values() for i in found]
            items = iter(self._items(tx, self._rows(tx, every, on), on, dated))
        for status, found in ids.items():
            chosen[status].items.extend(next(items) for _ in found)
        return chosen

    def _rows(self, tx: Tx, ids: list[str], on: date) -> list[Any]:
        """The full rows of one page, in the page's order (sorting only narrow rows)."""
        if not ids:
            return []
        base, params = with_status(SERIES_COLUMNS, on)
        found = tx.fetchall(f"{base} WHERE id IN ({marks(ids)})", params + ids)
        by_id = {row[0]: row for row in found}
        return [by_id[i] for i in ids]

    def _items(self, tx: Tx, found: list[Any], on: date, dated: bool) -> list[dict[str, Any]]:
        """The items of the rows: `dated`, with the values of day `on` (`domain.day_state`),
        else as recorded now with the next meeting after `on`."""
        rows = [decode_row(CATALOGUE, values[:-1]) for values in found]
        ids = [row["id"] for row in rows]
        if not dated:
            upcoming = self._next_meetings(tx, ids, on)
            return [
                catalogue_item(row, values[-1], upcoming.get(row["id"]))
                for row, values in zip(rows, found, strict=True)
            ]
        facts = self.facts.of(tx, ids)
        return [
            item_on_day(catalogue_item(row, values[-1], None), self._state(row, facts, on))
            for row, values in zip(rows, found, strict=True)
        ]

    @staticmethod
    def _state(row: dict[str, Any], facts: dict[str, list[Fact]], on: date) -> DayState:
        starts_on = parse_day(row["starts_on"])
        assert starts_on is not None
        return state_on(on, starts_on, facts.get(row["id"], []), row["timezone"])

    def _next_meetings(self, tx: Tx, series_ids: list[str], on: date) -> dict[str, str]:
        """The next meeting of every series on the page, in one query (not one per series)."""
        if not series_ids:
            return {}
        start_of_day = iso_moment(datetime.combine(on, time(0), tzinfo=BERLIN))
        found = tx.fetchall(
            "SELECT peer_learning_id, MIN(starts_at) FROM view_meetings "
            f"WHERE peer_learning_id IN ({marks(series_ids)}) "
            "AND state <> 'cancelled' AND starts_at >= ? GROUP BY peer_learning_id",
            [*series_ids, start_of_day],
        )
        return {str(series_id): first for series_id, first in found}

    def series_detail(
        self, peer_learning_id: UUID | str, on: date | None = None, dated: bool = True
    ) -> dict[str, Any] | None:
        """The series with its meetings on day `on` (today without it): `dated` and with a
        day, as they stood then; otherwise as recorded now, with the status of the day."""
        day, dated = on or datetime.now(BERLIN).date(), dated and on is not None
        base, params = with_status(SERIES_COLUMNS, day)
        with self.db.transaction() as tx:
            found = tx.fetchone(f"{base} WHERE id = ?", params + [str(peer_learning_id)])
            if found is None:
                return None
            detail = self._items(tx, [found], day, dated)[0]
            meetings = [
                shown_meeting(decode_row(MEETINGS, m))
                for m in tx.fetchall(
                    f"SELECT {MEETING_COLUMNS} FROM view_meetings "
                    "WHERE peer_learning_id = ? ORDER BY starts_at, meeting_id",
                    [str(peer_learning_id)],
                )
            ]
            if dated:
                row = decode_row(CATALOGUE, found[:-1])
                facts = self.facts.of(tx, [row["id"]])
                meetings = meetings_on_day(meetings, self._state(row, facts, day))
        detail["meetings"] = meetings
        return detail

    def meeting(
        self, peer_learning_id: UUID | str, meeting_id: UUID | str
    ) -> dict[str, Any] | None:
        with self.db.transaction() as tx:
            found = tx.fetchone(
                f"SELECT {MEETING_COLUMNS} FROM view_meetings "
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
        width = len(MEETINGS.columns)
        return [upcoming_item(decode_row(MEETINGS, r[:width]), r[width:]) for r in found]

    def series_reminder_offsets(self) -> list[str]:
        """Every reminder offset a series set for itself (the global ones are settings)."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT DISTINCT reminder_offsets FROM view_catalogue "
                "WHERE reminder_offsets IS NOT NULL"
            )
        return sorted({offset for (text,) in found for offset in json.loads(text) or []})
