"""The end of an enrolment (withdrawn or rejected), and the meetings its people attended.

An enrolment answers for the meetings held until the day it ended, not after (the
participation report counts them so); attendance at a later meeting is refused.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.enrollment_state import EnrollmentState
from domain.errors import EnrollmentClosed
from domain.schedule import local_date
from domain.values import Meeting


class Ending(Aggregate.Event):
    """An event that ends the enrolment: it keeps the moment the event was recorded."""

    def apply(self, aggregate: Any) -> None:
        aggregate.ended_at = self.timestamp


class AttendanceRules(EnrollmentState):
    ended_at: datetime | None = None  # also in one restored from a snapshot taken before

    def require_could_attend(self, participant_id: UUID, meeting: Meeting, timezone: str) -> None:
        """Refuses a participant of another enrolment, or a meeting held (in the series'
        `timezone`) on a day after this enrolment ended."""
        self.participant(participant_id)
        if self.ended_at is None:
            return
        ended_on = local_date(self.ended_at, timezone)
        held_on = local_date(meeting.starts_at, timezone)
        if held_on > ended_on:
            raise EnrollmentClosed(
                f"The enrolment of {self.municipality.name} ended on {ended_on.isoformat()} "
                f"({self.status}); its participant {participant_id} cannot be recorded as "
                f"present at the meeting held on {held_on.isoformat()}. Record attendance "
                "only for meetings held until the enrolment ended."
            )
