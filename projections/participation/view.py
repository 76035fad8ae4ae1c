"""Participation: who was admitted to which series and came to which held meeting.

Its own tables, kept from the series' and the enrolments' events, hold no personal data
(municipalities only); the participation report reads them and never the event log.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.schedule import local_date
from projections.tables import Table
from projections.view import Batch, handlers, iso_day, iso_moment, key, parse_moment

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
        "ended_on",
        "active_participants",
    ),
    indexes=("peer_learning_id",),
    integers=frozenset({"active_participants"}),
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
    """An enrolment keeps the day it was first admitted, also once it is withdrawn; and the
    day it ended (withdrawn or rejected), after which no held meeting counts for it."""

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
                "ended_on": None,
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
    def _(self, event: E.Withdrawn, enrolment: dict[str, Any], batch: Batch) -> None:
        enrolment["ended_on"] = iso_day(event.timestamp.date())

    @on_enrolment.register
    def _(self, event: E.Rejected, enrolment: dict[str, Any], batch: Batch) -> None:
        enrolment["ended_on"] = iso_day(event.timestamp.date())

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
