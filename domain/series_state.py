"""What a PeerLearning series holds and what follows from it.

The series' commands live in mixins by what they change (its meetings, its seats, its
course); they read the state declared here and record through the event methods that the
aggregate in `domain.peer_learning` defines, beside the events they record.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from domain.errors import MeetingNotFound
from domain.schedule import local_date
from domain.status import SeriesStatus, status_on
from domain.values import Meeting, MeetingKind, MeetingState, SeriesDetails


class SeriesState:
    details: SeriesDetails
    meetings: dict[str, Meeting]
    joining_open: bool
    reflection_held_on: date | None
    closed_on: date | None
    withdrawn_on: date | None
    admitted: list[str]
    waitlist: list[str]

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

    def planned_after(self, day: date) -> list[Meeting]:
        """The meetings still planned for a day after `day` (local to the series)."""
        return [
            m
            for m in self.meetings.values()
            if m.is_open and local_date(m.starts_at, self.details.timezone) > day
        ]

    # ---- the event methods; the aggregate defines each with its event ---------
    def _meeting_scheduled(self, meeting: Meeting, actor: str) -> None: ...

    def _meeting_rescheduled(
        self,
        meeting_id: UUID,
        starts_at: datetime,
        ends_at: datetime,
        schedule_version: int,
        actor: str,
    ) -> None: ...

    def _meeting_corrected(
        self,
        meeting_id: UUID,
        mode: str,
        title: str | None,
        location: str | None,
        video_url: str | None,
        schedule_version: int,
        actor: str,
    ) -> None: ...

    def _meeting_cancelled(self, meeting_id: UUID, reason: str | None, actor: str) -> None: ...

    def _meeting_held(self, meeting_id: UUID, attendance: int | None, actor: str) -> None: ...

    def _attendance_recorded(
        self, meeting_id: UUID, participants: list[UUID], actor: str
    ) -> None: ...

    def _reflection_held(self, held_on: date, notes: str | None, actor: str) -> None: ...

    def _closed(self, effective_on: date, actor: str) -> None: ...

    def _withdrawn(self, effective_on: date, reason: str | None, actor: str) -> None: ...

    def _joining_closed(self, actor: str) -> None: ...

    def _joining_reopened(self, actor: str) -> None: ...

    def _enrollment_admitted(self, enrollment_id: UUID, actor: str) -> None: ...

    def _enrollment_waitlisted(self, enrollment_id: UUID, actor: str) -> None: ...

    def _enrollment_released(self, enrollment_id: UUID, actor: str) -> None: ...
