"""A series' meetings: scheduled, moved, called off, held, and who attended."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from domain import rules
from domain.schedule import check_fits, check_length, check_meeting_shape, local_date
from domain.series_state import SeriesState
from domain.values import Meeting, MeetingKind, require_enum


class MeetingCommands(SeriesState):
    def schedule_meeting(self, meeting: Meeting, actor: str) -> UUID:
        rules.require_not_finished(self)
        require_enum(MeetingKind, meeting.kind, "Meeting kind")
        rules.require_mode(meeting.mode)
        meeting = replace(meeting, meeting_id=meeting.meeting_id or uuid4()).checked_facts()
        check_fits(meeting, self.meetings.values(), self.details)
        check_length(meeting)
        self._meeting_scheduled(meeting=meeting, actor=actor)
        return meeting.meeting_id

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
        check_length(moved)
        self._meeting_rescheduled(
            meeting_id=current.meeting_id,
            starts_at=starts_at,
            ends_at=ends_at,
            schedule_version=current.schedule_version + 1,
            actor=actor,
        )

    def correct_meeting(
        self, meeting_id: UUID, changes: dict[str, Any], now: datetime, actor: str
    ) -> None:
        """Corrects what a future meeting is called, how it is held, where and through which
        link; its times stay (`reschedule_meeting` moves it). Nothing changed, nothing
        recorded."""
        rules.require_not_finished(self)
        current = self.meeting(meeting_id)
        rules.require_changeable(current, now)
        corrected = rules.corrected_meeting(current, changes)
        check_meeting_shape(corrected)
        if corrected == current:
            return
        self._meeting_corrected(
            meeting_id=current.meeting_id,
            mode=corrected.mode,
            title=corrected.title,
            location=corrected.location,
            video_url=corrected.video_url,
            schedule_version=current.schedule_version + 1,
            actor=actor,
        )

    def cancel_meeting(
        self, meeting_id: UUID, now: datetime, actor: str, reason: str | None = None
    ) -> None:
        rules.require_not_finished(self)
        current = self.meeting(meeting_id)
        rules.require_changeable(current, now)
        self._meeting_cancelled(meeting_id=current.meeting_id, reason=reason, actor=actor)

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

    def record_attendance(self, meeting_id: UUID, participants: list[UUID], actor: str) -> None:
        """Who was present at a held meeting; a later record corrects an earlier one."""
        rules.require_not_finished(self)
        current = self.meeting(meeting_id)
        rules.require_held(current)
        present = rules.checked_participants(participants)
        self._attendance_recorded(meeting_id=current.meeting_id, participants=present, actor=actor)
