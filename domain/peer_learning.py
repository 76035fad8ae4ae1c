"""The PeerLearning aggregate: one exchange series hosted by a model project."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event

from domain import rules
from domain.details import check_details, revise
from domain.errors import MeetingNotFound
from domain.schedule import check_fits, local_date
from domain.status import SeriesStatus, status_on
from domain.values import (
    Meeting,
    MeetingKind,
    MeetingState,
    SeriesDetails,
    require_enum,
)

SERIES_CLOSED = "Peer-Learning geschlossen"
SERIES_WITHDRAWN = "Peer-Learning zurückgezogen"


class PeerLearning(Aggregate):
    class Announced(Aggregate.Created):
        details: SeriesDetails
        actor: str

    @event(Announced)
    def __init__(self, details: SeriesDetails, actor: str) -> None:
        self.details = details
        self.meetings: dict[str, Meeting] = {}
        self.joining_open = True
        self.reflection_held_on: date | None = None
        self.closed_on: date | None = None
        self.withdrawn_on: date | None = None
        self.admitted: list[str] = []
        self.waitlist: list[str] = []

    @classmethod
    def announce(cls, details: SeriesDetails, actor: str) -> PeerLearning:
        return cls(details=check_details(details), actor=actor)

    # ---- what the series is -------------------------------------------------
    @property
    def is_finished(self) -> bool:
        return self.closed_on is not None or self.withdrawn_on is not None

    @property
    def joining_possible(self) -> bool:
        return self.joining_open and not self.is_finished

    @property
    def kickoff_held_on(self) -> date | None:
        for m in self.meetings.values():
            if m.kind == MeetingKind.KICKOFF and m.state == MeetingState.HELD:
                return local_date(m.starts_at, self.details.timezone)
        return None

    def status_on(self, day: date) -> SeriesStatus:
        return status_on(
            day,
            self.details.starts_on,
            self.kickoff_held_on,
            self.closed_on,
            self.withdrawn_on,
        )

    def meeting(self, meeting_id: UUID) -> Meeting:
        try:
            return self.meetings[str(meeting_id)]
        except KeyError:
            raise MeetingNotFound(meeting_id) from None

    def has_seat_for_one_more(self) -> bool:
        capacity = self.details.capacity
        return capacity is None or len(self.admitted) < capacity

    # ---- details ------------------------------------------------------------
    def revise_details(self, changes: dict[str, Any], actor: str) -> None:
        rules.require_not_finished(self)
        revised = revise(self.details, changes)
        rules.require_start_unchanged_once_running(self, revised)
        for m in self.meetings.values():
            if m.is_active:
                check_fits(m, self.meetings.values(), revised)
        if revised != self.details:
            self._details_revised(details=revised, actor=actor)

    class DetailsRevised(Aggregate.Event):
        details: SeriesDetails
        actor: str

    @event(DetailsRevised)
    def _details_revised(self, details: SeriesDetails, actor: str) -> None:
        self.details = details

    # ---- meetings -----------------------------------------------------------
    def schedule_meeting(self, meeting: Meeting, actor: str) -> UUID:
        rules.require_not_finished(self)
        require_enum(MeetingKind, meeting.kind, "Meeting kind")
        rules.require_mode(meeting.mode)
        meeting = replace(meeting, meeting_id=meeting.meeting_id or uuid4()).checked_facts()
        check_fits(meeting, self.meetings.values(), self.details)
        self._meeting_scheduled(meeting=meeting, actor=actor)
        return meeting.meeting_id

    class MeetingScheduled(Aggregate.Event):
        meeting: Meeting
        actor: str

    @event(MeetingScheduled)
    def _meeting_scheduled(self, meeting: Meeting, actor: str) -> None:
        self.meetings[str(meeting.meeting_id)] = meeting

    def reschedule_meeting(
        self,
        meeting_id: UUID,
        starts_at: datetime,
        ends_at: datetime,
        now: datetime,
        actor: str,
    ) -> None:
        rules.require_not_finished(self)
        current = self.meeting(meeting_id)
        rules.require_changeable(current, now)
        moved = replace(current, starts_at=starts_at, ends_at=ends_at)
        check_fits(moved, self.meetings.values(), self.details)
        self._meeting_rescheduled(
            meeting_id=current.meeting_id,
            starts_at=starts_at,
            ends_at=ends_at,
            schedule_version=current.schedule_version + 1,
            actor=actor,
        )

    class MeetingRescheduled(Aggregate.Event):
        meeting_id: UUID
        starts_at: datetime
        ends_at: datetime
        schedule_version: int
        actor: str

    @event(MeetingRescheduled)
    def _meeting_rescheduled(
        self,
        meeting_id: UUID,
        starts_at: datetime,
        ends_at: datetime,
        schedule_version: int,
        actor: str,
    ) -> None:
        key = str(meeting_id)
        self.meetings[key] = replace(
            self.meetings[key],
            starts_at=starts_at,
            ends_at=ends_at,
            state=MeetingState.RESCHEDULED,
            schedule_version=schedule_version,
        )

    def cancel_meeting(
        self, meeting_id: UUID, now: datetime, actor: str, reason: str | None = None
    ) -> None:
        rules.require_not_finished(self)
        current = self.meeting(meeting_id)
        rules.require_changeable(current, now)
        self._meeting_cancelled(meeting_id=current.meeting_id, reason=reason, actor=actor)

    class MeetingCancelled(Aggregate.Event):
        """Version 2 added the reason; version 1 events read with reason None."""

        class_version = 2
        meeting_id: UUID
        reason: str | None
        actor: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["reason"] = None

    @event(MeetingCancelled)
    def _meeting_cancelled(self, meeting_id: UUID, reason: str | None, actor: str) -> None:
        key = str(meeting_id)
        self.meetings[key] = replace(self.meetings[key], state=MeetingState.CANCELLED)

    def mark_meeting_held(
        self, meeting_id: UUID, now: datetime, actor: str, attendance: int | None = None
    ) -> None:
        rules.require_not_finished(self)
        current = self.meeting(meeting_id)
        rules.require_holdable(current, now)
        rules.require_attendance(attendance)
        self._meeting_held(meeting_id=current.meeting_id, attendance=attendance, actor=actor)
        if current.kind == MeetingKind.REFLECTION and self.reflection_held_on is None:
            self._hold_reflection_meeting(current, actor)

    def _hold_reflection_meeting(self, meeting: Meeting, actor: str) -> None:
        """A held reflection meeting is the reflection, if the series could hold one then."""
        held_on = local_date(meeting.starts_at, self.details.timezone)
        possible = rules.reflection_date_problem(self, held_on) is None
        if self.kickoff_held_on is not None and possible:
            self._reflection_held(held_on=held_on, notes=None, actor=actor)

    class MeetingHeld(Aggregate.Event):
        meeting_id: UUID
        attendance: int | None
        actor: str

    @event(MeetingHeld)
    def _meeting_held(self, meeting_id: UUID, attendance: int | None, actor: str) -> None:
        key = str(meeting_id)
        self.meetings[key] = replace(
            self.meetings[key], state=MeetingState.HELD, attendance=attendance
        )

    def record_attendance(self, meeting_id: UUID, participants: list[UUID], actor: str) -> None:
        """Who was present at a held meeting; a later record corrects an earlier one."""
        rules.require_not_finished(self)
        current = self.meeting(meeting_id)
        rules.require_held(current)
        present = rules.checked_participants(participants)
        self._attendance_recorded(meeting_id=current.meeting_id, participants=present, actor=actor)

    class AttendanceRecorded(Aggregate.Event):
        meeting_id: UUID
        participants: list[UUID]
        actor: str

    @event(AttendanceRecorded)
    def _attendance_recorded(self, meeting_id: UUID, participants: list[UUID], actor: str) -> None:
        key = str(meeting_id)
        self.meetings[key] = replace(self.meetings[key], attendance=len(participants))

    # ---- the end of a series -------------------------------------------------
    def hold_reflection(
        self, held_on: date, today: date, actor: str, notes: str | None = None
    ) -> None:
        rules.require_not_finished(self)
        rules.require_reflection_possible(self, held_on, today)
        self._reflection_held(held_on=held_on, notes=notes, actor=actor)

    class ReflectionHeld(Aggregate.Event):
        held_on: date
        notes: str | None
        actor: str

    @event(ReflectionHeld)
    def _reflection_held(self, held_on: date, notes: str | None, actor: str) -> None:
        self.reflection_held_on = held_on

    def close(self, effective_on: date, today: date, actor: str) -> None:
        rules.require_not_finished(self)
        rules.require_closable(self, effective_on, today)
        self._cancel_planned_after(effective_on, SERIES_CLOSED, actor)
        self._closed(effective_on=effective_on, actor=actor)

    def planned_after(self, day: date) -> list[Meeting]:
        """The meetings still planned for a day after `day` (local to the series)."""
        return [
            m
            for m in self.meetings.values()
            if m.is_open and local_date(m.starts_at, self.details.timezone) > day
        ]

    def _cancel_planned_after(self, day: date, reason: str, actor: str) -> None:
        """The end of a series calls off what was planned after it, in the same command."""
        for m in self.planned_after(day):
            self._meeting_cancelled(meeting_id=m.meeting_id, reason=reason, actor=actor)

    class Closed(Aggregate.Event):
        effective_on: date
        actor: str

    @event(Closed)
    def _closed(self, effective_on: date, actor: str) -> None:
        self.closed_on = effective_on
        self.joining_open = False

    def withdraw(
        self, effective_on: date, today: date, actor: str, reason: str | None = None
    ) -> None:
        rules.require_not_finished(self)
        rules.require_withdrawable(self, effective_on, today)
        self._cancel_planned_after(effective_on, reason or SERIES_WITHDRAWN, actor)
        self._withdrawn(effective_on=effective_on, reason=reason, actor=actor)

    class Withdrawn(Aggregate.Event):
        effective_on: date
        reason: str | None
        actor: str

    @event(Withdrawn)
    def _withdrawn(self, effective_on: date, reason: str | None, actor: str) -> None:
        self.withdrawn_on = effective_on
        self.joining_open = False

    # ---- joining -----------------------------------------------------------
    def close_joining(self, actor: str) -> None:
        rules.require_not_finished(self)
        if self.joining_open:
            self._joining_closed(actor=actor)

    class JoiningClosed(Aggregate.Event):
        actor: str

    @event(JoiningClosed)
    def _joining_closed(self, actor: str) -> None:
        self.joining_open = False

    def reopen_joining(self, actor: str) -> None:
        rules.require_not_finished(self)
        if not self.joining_open:
            self._joining_reopened(actor=actor)

    class JoiningReopened(Aggregate.Event):
        actor: str

    @event(JoiningReopened)
    def _joining_reopened(self, actor: str) -> None:
        self.joining_open = True

    # ---- admission: the seats the series keeps count of ----------------------
    def admit(self, enrollment_id: UUID, actor: str) -> None:
        rules.require_not_finished(self)
        self._enrollment_admitted(enrollment_id=enrollment_id, actor=actor)

    class EnrollmentAdmitted(Aggregate.Event):
        enrollment_id: UUID
        actor: str

    @event(EnrollmentAdmitted)
    def _enrollment_admitted(self, enrollment_id: UUID, actor: str) -> None:
        key = str(enrollment_id)
        if key in self.waitlist:
            self.waitlist.remove(key)
        self.admitted.append(key)

    def put_on_waitlist(self, enrollment_id: UUID, actor: str) -> None:
        rules.require_not_finished(self)
        self._enrollment_waitlisted(enrollment_id=enrollment_id, actor=actor)

    class EnrollmentWaitlisted(Aggregate.Event):
        enrollment_id: UUID
        actor: str

    @event(EnrollmentWaitlisted)
    def _enrollment_waitlisted(self, enrollment_id: UUID, actor: str) -> None:
        self.waitlist.append(str(enrollment_id))

    def release(self, enrollment_id: UUID, actor: str) -> None:
        """Frees the enrolment's seat or its place on the waiting list."""
        key = str(enrollment_id)
        if key in self.admitted or key in self.waitlist:
            self._enrollment_released(enrollment_id=enrollment_id, actor=actor)

    class EnrollmentReleased(Aggregate.Event):
        enrollment_id: UUID
        actor: str

    @event(EnrollmentReleased)
    def _enrollment_released(self, enrollment_id: UUID, actor: str) -> None:
        key = str(enrollment_id)
        if key in self.admitted:
            self.admitted.remove(key)
        if key in self.waitlist:
            self.waitlist.remove(key)

    def next_from_waitlist(self) -> UUID | None:
        if self.waitlist and self.has_seat_for_one_more():
            return UUID(self.waitlist[0])
        return None
