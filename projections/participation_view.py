"""Participation: who was admitted to which series and came to which held meeting.

Its own tables, kept from the series' and the enrolments' events, hold no personal data
(municipalities only); the participation report reads them and never the event log.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from eventsourcing.persistence import Notification

from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.schedule import local_date
from projections.tables import Table
from projections.view import Batch, handlers, iso_day, iso_moment, key, parse_moment
from store.db import Tx

P = PeerLearning
E = Enrollment

SERIES = Table(
    name="view_participation_series",
    key="peer_learning_id",
    columns=(
        "peer_learning_id",
        "title",
        "host",
        "timezone",
        "starts_on",
        "ends_on",
        "reflection_held_on",
    ),
)
ENROLMENTS = Table(
    name="view_participation_enrollments",
    key="enrollment_id",
    columns=(
        "enrollment_id",
        "peer_learning_id",
        "municipality_name",
        "municipality_key",
        "municipality_state",
        "admitted_on",
        "active_participants",
    ),
    indexes=("peer_learning_id",),
)
PEOPLE = Table(  # which enrolment a participant belongs to
    name="view_participation_people",
    key="participant_id",
    columns=("participant_id", "enrollment_id"),
)
MEETINGS = Table(  # present: the participants present; None while only a head count is known
    name="view_participation_meetings",
    key="meeting_id",
    columns=("meeting_id", "peer_learning_id", "kind", "starts_at", "held_on", "present"),
    json_columns=frozenset({"present"}),
    indexes=("held_on",),
)
TABLES = (SERIES, ENROLMENTS, PEOPLE, MEETINGS)


class ParticipationView:
    """An enrolment keeps the day it was first admitted, also once it is withdrawn."""

    name = "participation"
    tables: tuple[Table, ...] = TABLES
    reads: tuple[type, ...] = (P.Event, E.Event)

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if isinstance(event, E.Registered):
            self._registered(event, batch)
        elif isinstance(event, P.Announced):
            batch.rows.put(SERIES, {"peer_learning_id": key(event.originator_id)})
            self._details(event, batch)
        elif isinstance(event, E.Event):
            enrolment = batch.rows.get(ENROLMENTS, key(event.originator_id))
            if enrolment is not None:
                self.on_enrolment(event, enrolment, batch)
                batch.rows.touch(ENROLMENTS, enrolment)
        elif isinstance(event, P.Event):
            self.on_series(event, batch)

    def _registered(self, event: Any, batch: Batch) -> None:
        place = event.municipality
        batch.rows.put(
            ENROLMENTS,
            {
                "enrollment_id": key(event.originator_id),
                "peer_learning_id": key(event.peer_learning_id),
                "municipality_name": place.name,
                "municipality_key": place.key,
                "municipality_state": place.state,
                "admitted_on": None,
                "active_participants": 0,
            },
        )

    def _details(self, event: Any, batch: Batch) -> None:
        series = batch.rows.get(SERIES, key(event.originator_id))
        assert series is not None, f"series {event.originator_id} was never announced"
        d = event.details
        series.update(
            title=d.title,
            host=d.host,
            timezone=d.timezone,
            starts_on=iso_day(d.starts_on),
            ends_on=iso_day(d.ends_on),
        )
        series.setdefault("reflection_held_on", None)
        batch.rows.touch(SERIES, series)

    # ---- enrolments -----------------------------------------------------------
    @handlers
    def on_enrolment(self, event: Any, enrolment: dict[str, Any], batch: Batch) -> None:
        """Other enrolment events change nothing here."""

    @on_enrolment.register
    def _(self, event: E.Admitted, enrolment: dict[str, Any], batch: Batch) -> None:
        enrolment["admitted_on"] = enrolment["admitted_on"] or iso_day(event.timestamp.date())

    @on_enrolment.register
    def _(self, event: E.ParticipantJoined, enrolment: dict[str, Any], batch: Batch) -> None:
        person = {"participant_id": key(event.participant.participant_id)}
        batch.rows.put(PEOPLE, {**person, "enrollment_id": enrolment["enrollment_id"]})
        enrolment["active_participants"] += 1

    @on_enrolment.register
    def _(self, event: E.ParticipantLeft, enrolment: dict[str, Any], batch: Batch) -> None:
        enrolment["active_participants"] -= 1

    # ---- series ---------------------------------------------------------------
    @handlers
    def on_series(self, event: Any, batch: Batch) -> None:
        """Other series events change nothing here."""

    @on_series.register
    def _(self, event: P.DetailsRevised, batch: Batch) -> None:
        self._details(event, batch)

    @on_series.register
    def _(self, event: P.MeetingScheduled, batch: Batch) -> None:
        m = event.meeting
        row: dict[str, Any] = {"meeting_id": key(m.meeting_id)}
        row["peer_learning_id"] = key(event.originator_id)
        row.update(kind=m.kind, starts_at=iso_moment(m.starts_at), held_on=None, present=None)
        batch.rows.put(MEETINGS, row)

    @on_series.register
    def _(self, event: P.MeetingRescheduled, batch: Batch) -> None:
        self._meeting(batch, event.meeting_id)["starts_at"] = iso_moment(event.starts_at)

    @on_series.register
    def _(self, event: P.MeetingHeld, batch: Batch) -> None:
        meeting = self._meeting(batch, event.meeting_id)
        series = batch.rows.get(SERIES, meeting["peer_learning_id"])
        starts_at = parse_moment(meeting["starts_at"])
        assert series is not None and starts_at is not None
        meeting["held_on"] = iso_day(local_date(starts_at, series["timezone"]))

    @on_series.register
    def _(self, event: P.AttendanceRecorded, batch: Batch) -> None:
        present = [key(p) for p in event.participants]  # to municipalities when reported
        self._meeting(batch, event.meeting_id)["present"] = present

    @on_series.register
    def _(self, event: P.ReflectionHeld, batch: Batch) -> None:
        series = batch.rows.get(SERIES, key(event.originator_id))
        assert series is not None
        series["reflection_held_on"] = iso_day(event.held_on)
        batch.rows.touch(SERIES, series)

    def _meeting(self, batch: Batch, meeting_id: Any) -> dict[str, Any]:
        meeting = batch.rows.get(MEETINGS, key(meeting_id))
        assert meeting is not None, f"meeting {meeting_id} was never scheduled"
        batch.rows.touch(MEETINGS, meeting)
        return meeting


# ---- queries ------------------------------------------------------------------
ROWS_SQL = (
    "SELECT s.peer_learning_id, s.title, s.host, e.enrollment_id, e.municipality_name, "
    "e.municipality_key, e.municipality_state, e.admitted_on, e.active_participants, "
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
    held: dict[str, list[Any]] = {}
    days: dict[str, list[str]] = {}
    for series_id, day, present in tx.fetchall(HELD_SQL, [start.isoformat(), end.isoformat()]):
        named = None if present is None else json.loads(present)  # JSON null: a count only
        came = None if named is None else {places.get(p) for p in named}
        held.setdefault(series_id, []).append(came)
        days.setdefault(series_id, []).append(day)
    rows = [_row(dict(zip(ROW_NAMES, r, strict=True)), held, start, end) for r in found]
    months: dict[str, int] = {}
    for series_id in dict.fromkeys(r["series_id"] for r in rows):
        for day in days.get(series_id, []):
            months[day[:7]] = months.get(day[:7], 0) + 1
    return rows, dict(sorted(months.items()))


def _row(row: dict[str, Any], held: dict[str, list[Any]], start: date, end: date) -> dict[str, Any]:
    meetings = held.get(row["series_id"], [])
    enrolment = row.pop("enrollment_id")
    reflection = row.pop("reflection_held_on")
    row["admitted_on"] = date.fromisoformat(row["admitted_on"])
    row["meetings_held"] = len(meetings)
    row["meetings_attended"] = sum(1 for p in meetings if p and enrolment in p)
    row["reflection_held"] = reflection is not None and start.isoformat() <= reflection <= (
        end.isoformat()
    )
    return row
