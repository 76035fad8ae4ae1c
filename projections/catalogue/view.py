"""The catalogue and series detail: one row per series, one per meeting."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.day_facts import facts_of, recorded_day
from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.schedule import local_date
from domain.values import MeetingKind
from projections.catalogue.columns import details_columns, meeting_row
from projections.catalogue.facts import put_facts
from projections.catalogue.tables import CATALOGUE, CATALOGUE_ENROLLMENTS, MEETINGS, TABLES
from projections.tables import Table
from projections.view import Batch, handlers, iso_day, iso_moment, key, parse_moment

P = PeerLearning
E = Enrollment


class CatalogueView:
    name = "catalogue"
    tables: tuple[Table, ...] = TABLES
    reads: tuple[type, ...] = (P.Event, E.Registered, E.ParticipantJoined, E.ParticipantLeft)
    read_ahead: tuple[Table, ...] = (CATALOGUE, CATALOGUE_ENROLLMENTS)  # keyed by aggregates

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if isinstance(event, E.Event):
            self._participants(event, notification.id, batch)
            return
        if isinstance(event, P.Announced):
            self._announced(event, batch)
            return
        if not isinstance(event, P.Event):
            return
        series = batch.rows.get(CATALOGUE, key(event.originator_id))
        if series is None:
            return
        series["version"] = event.originator_version
        held_on = self._held_on(event, series, batch)
        facts = facts_of(event, recorded_day(event), held_on)
        put_facts(batch, series["id"], notification.id, facts)
        self.on(event, series, batch)
        batch.rows.touch(CATALOGUE, series)

    def _held_on(self, event: Any, series: dict[str, Any], batch: Batch) -> Any:
        """The day a held meeting was held: its start, in the series' time zone."""
        if not isinstance(event, P.MeetingHeld):
            return None
        starts_at = parse_moment(self._meeting(batch, event.meeting_id)["starts_at"])
        assert starts_at is not None
        return local_date(starts_at, series["timezone"])

    def _participants(self, event: Any, position: int, batch: Batch) -> None:
        """Counts each enrolment's participants, for the series' count of participants."""
        if isinstance(event, E.Registered):
            row = {
                "enrollment_id": key(event.originator_id),
                "peer_learning_id": key(event.peer_learning_id),
                "active_participants": 0,
            }
            batch.rows.put(CATALOGUE_ENROLLMENTS, row)
            return
        delta = _PARTICIPANT_DELTAS.get(type(event))
        enrollment = batch.rows.get(CATALOGUE_ENROLLMENTS, key(event.originator_id))
        if delta is None or enrollment is None:
            return
        enrollment["active_participants"] += delta
        batch.rows.touch(CATALOGUE_ENROLLMENTS, enrollment)
        facts = facts_of(event, recorded_day(event))
        put_facts(batch, enrollment["peer_learning_id"], position, facts)
        series = batch.rows.get(CATALOGUE, enrollment["peer_learning_id"])
        if series is not None and enrollment["enrollment_id"] in series["admitted_ids"]:
            series["participants"] += delta
            batch.rows.touch(CATALOGUE, series)

    def _announced(self, event: Any, batch: Batch) -> None:
        row: dict[str, Any] = {c: None for c in CATALOGUE.columns}
        counters = (
            "meetings_held",
            "meetings_scheduled",
            "municipalities",
            "waitlisted",
            "participants",
        )
        row.update({c: 0 for c in counters})
        row.update(details_columns(event.details))
        row.update(
            id=key(event.originator_id),
            joining_open=1,
            admitted_ids=[],
            waitlist_ids=[],
            announced_at=iso_moment(event.timestamp),
            version=event.originator_version,
        )
        batch.rows.put(CATALOGUE, row)

    @handlers
    def on(self, event: Any, series: dict[str, Any], batch: Batch) -> None:
        """Events this view does not need change only the version."""

    @on.register
    def _(self, event: P.DetailsRevised, series: dict[str, Any], batch: Batch) -> None:
        series.update(details_columns(event.details))

    @on.register
    def _(self, event: P.MeetingScheduled, series: dict[str, Any], batch: Batch) -> None:
        batch.rows.put(MEETINGS, meeting_row(series["id"], event.meeting))
        series["meetings_scheduled"] += 1

    @on.register
    def _(self, event: P.MeetingRescheduled, series: dict[str, Any], batch: Batch) -> None:
        meeting = self._meeting(batch, event.meeting_id)
        meeting.update(
            starts_at=iso_moment(event.starts_at),
            ends_at=iso_moment(event.ends_at),
            state="rescheduled",
            schedule_version=event.schedule_version,
            timed_version=event.schedule_version,
            changed_at=iso_moment(event.timestamp),
        )

    @on.register
    def _(self, event: P.MeetingCorrected, series: dict[str, Any], batch: Batch) -> None:
        self._meeting(batch, event.meeting_id).update(
            mode=event.mode,
            title=event.title,
            location=event.location,
            video_url=event.video_url,
            schedule_version=event.schedule_version,
            changed_at=iso_moment(event.timestamp),
        )

    @on.register
    def _(self, event: P.MeetingCancelled, series: dict[str, Any], batch: Batch) -> None:
        self._meeting(batch, event.meeting_id)["state"] = "cancelled"
        series["meetings_scheduled"] -= 1

    @on.register
    def _(self, event: P.MeetingHeld, series: dict[str, Any], batch: Batch) -> None:
        meeting = self._meeting(batch, event.meeting_id)
        meeting.update(state="held", attendance=event.attendance)
        series["meetings_held"] += 1
        if meeting["kind"] == MeetingKind.KICKOFF:
            series["kickoff_held_on"] = iso_day(self._held_on(event, series, batch))

    @on.register
    def _(self, event: P.AttendanceRecorded, series: dict[str, Any], batch: Batch) -> None:
        self._meeting(batch, event.meeting_id)["attendance"] = len(event.participants)

    @on.register
    def _(self, event: P.ReflectionHeld, series: dict[str, Any], batch: Batch) -> None:
        series["reflection_held_on"] = iso_day(event.held_on)

    @on.register
    def _(self, event: P.Closed, series: dict[str, Any], batch: Batch) -> None:
        series.update(closed_on=iso_day(event.effective_on), joining_open=0)

    @on.register
    def _(self, event: P.Withdrawn, series: dict[str, Any], batch: Batch) -> None:
        series.update(withdrawn_on=iso_day(event.effective_on), joining_open=0)

    @on.register
    def _(self, event: P.JoiningClosed, series: dict[str, Any], batch: Batch) -> None:
        series["joining_open"] = 0

    @on.register
    def _(self, event: P.JoiningReopened, series: dict[str, Any], batch: Batch) -> None:
        series["joining_open"] = 1

    @on.register
    def _(self, event: P.EnrollmentAdmitted, series: dict[str, Any], batch: Batch) -> None:
        enrollment_id = key(event.enrollment_id)
        if enrollment_id in series["waitlist_ids"]:
            series["waitlist_ids"].remove(enrollment_id)
        series["admitted_ids"].append(enrollment_id)
        series["participants"] += _active_participants(batch, enrollment_id)
        _recount(series)

    @on.register
    def _(self, event: P.EnrollmentWaitlisted, series: dict[str, Any], batch: Batch) -> None:
        series["waitlist_ids"].append(key(event.enrollment_id))
        _recount(series)

    @on.register
    def _(self, event: P.EnrollmentReleased, series: dict[str, Any], batch: Batch) -> None:
        enrollment_id = key(event.enrollment_id)
        if enrollment_id in series["admitted_ids"]:
            series["admitted_ids"].remove(enrollment_id)
            series["participants"] -= _active_participants(batch, enrollment_id)
        if enrollment_id in series["waitlist_ids"]:
            series["waitlist_ids"].remove(enrollment_id)
        _recount(series)

    def _meeting(self, batch: Batch, meeting_id: Any) -> dict[str, Any]:
        meeting = batch.rows.get(MEETINGS, key(meeting_id))
        assert meeting is not None, f"meeting {meeting_id} was never scheduled"
        batch.rows.touch(MEETINGS, meeting)
        return meeting


def _recount(series: dict[str, Any]) -> None:
    series["municipalities"] = len(series["admitted_ids"])
    series["waitlisted"] = len(series["waitlist_ids"])


def _active_participants(batch: Batch, enrollment_id: str) -> int:
    enrollment = batch.rows.get(CATALOGUE_ENROLLMENTS, enrollment_id)
    return 0 if enrollment is None else int(enrollment["active_participants"])


_PARTICIPANT_DELTAS: dict[type, int] = {E.ParticipantJoined: +1, E.ParticipantLeft: -1}
