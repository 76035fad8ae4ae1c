"""The PeerLearning aggregate: one exchange series hosted by a model project.

Its events are defined here, each beside the method that applies it (their topics name
this module and class). The commands that decide what to record live in mixins by what
they change: meetings, seats, and the course of the series.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain import rules
from domain.details import check_details, revise
from domain.schedule import check_fits
from domain.seats import SeatCommands, require_seats_for_admitted
from domain.series_course import SERIES_CLOSED, SERIES_WITHDRAWN, CourseCommands
from domain.series_meetings import MeetingCommands
from domain.values import Meeting, MeetingState, SeriesDetails

__all__ = ["SERIES_CLOSED", "SERIES_WITHDRAWN", "PeerLearning"]


class PeerLearning(MeetingCommands, SeatCommands, CourseCommands, Aggregate):
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

    # ---- details ------------------------------------------------------------
    def revise_details(self, changes: dict[str, Any], actor: str) -> list[UUID]:
        """Returns the enrolments that moved up from the waiting list into new seats."""
        rules.require_not_finished(self)
        revised = revise(self.details, changes)
        rules.require_start_unchanged_once_running(self, revised)
        if revised.capacity != self.details.capacity:
            require_seats_for_admitted(revised.capacity, len(self.admitted))
        for m in self.meetings.values():
            if m.is_active:
                check_fits(m, self.meetings.values(), revised)
        if revised != self.details:
            self._details_revised(details=revised, actor=actor)
        return self._fill_free_seats()

    class DetailsRevised(Aggregate.Event):
        details: SeriesDetails
        actor: str

    @event(DetailsRevised)
    def _details_revised(self, details: SeriesDetails, actor: str) -> None:
        self.details = details

    # ---- meetings -----------------------------------------------------------
    class MeetingScheduled(Aggregate.Event):
        meeting: Meeting
        actor: str

    @event(MeetingScheduled)
    def _meeting_scheduled(self, meeting: Meeting, actor: str) -> None:
        self.meetings[str(meeting.meeting_id)] = meeting

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

    class MeetingCorrected(Aggregate.Event):
        meeting_id: UUID
        mode: str
        title: str | None
        location: str | None
        video_url: str | None
        schedule_version: int
        actor: str

    @event(MeetingCorrected)
    def _meeting_corrected(
        self,
        meeting_id: UUID,
        mode: str,
        title: str | None,
        location: str | None,
        video_url: str | None,
        schedule_version: int,
        actor: str,
    ) -> None:
        key = str(meeting_id)
        self.meetings[key] = replace(
            self.meetings[key],
            mode=mode,
            title=title,
            location=location,
            video_url=video_url,
            schedule_version=schedule_version,
        )

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

    class AttendanceRecorded(Aggregate.Event):
        meeting_id: UUID
        participants: list[UUID]
        actor: str

    @event(AttendanceRecorded)
    def _attendance_recorded(self, meeting_id: UUID, participants: list[UUID], actor: str) -> None:
        key = str(meeting_id)
        self.meetings[key] = replace(self.meetings[key], attendance=len(participants))

    # ---- the course and the end of a series ------------------------------------
    class ReflectionHeld(Aggregate.Event):
        held_on: date
        notes: str | None
        actor: str

    @event(ReflectionHeld)
    def _reflection_held(self, held_on: date, notes: str | None, actor: str) -> None:
        self.reflection_held_on = held_on

    class Closed(Aggregate.Event):
        effective_on: date
        actor: str

    @event(Closed)
    def _closed(self, effective_on: date, actor: str) -> None:
        self.closed_on = effective_on
        self.joining_open = False

    class Withdrawn(Aggregate.Event):
        effective_on: date
        reason: str | None
        actor: str

    @event(Withdrawn)
    def _withdrawn(self, effective_on: date, reason: str | None, actor: str) -> None:
        self.withdrawn_on = effective_on
        self.joining_open = False

    class JoiningClosed(Aggregate.Event):
        actor: str

    @event(JoiningClosed)
    def _joining_closed(self, actor: str) -> None:
        self.joining_open = False

    class JoiningReopened(Aggregate.Event):
        actor: str

    @event(JoiningReopened)
    def _joining_reopened(self, actor: str) -> None:
        self.joining_open = True

    # ---- seats: admitted, waiting, released -------------------------------------
    class EnrollmentAdmitted(Aggregate.Event):
        enrollment_id: UUID
        actor: str

    @event(EnrollmentAdmitted)
    def _enrollment_admitted(self, enrollment_id: UUID, actor: str) -> None:
        key = str(enrollment_id)
        if key in self.waitlist:
            self.waitlist.remove(key)
        self.admitted.append(key)

    class EnrollmentWaitlisted(Aggregate.Event):
        enrollment_id: UUID
        actor: str

    @event(EnrollmentWaitlisted)
    def _enrollment_waitlisted(self, enrollment_id: UUID, actor: str) -> None:
        self.waitlist.append(str(enrollment_id))

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
