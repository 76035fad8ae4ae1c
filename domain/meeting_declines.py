"""A participant saying they cannot attend one meeting, and taking that back.

Only an active participant of an admitted enrolment declines, once per meeting, and only
while the meeting is still ahead (not started, held or cancelled); taking it back likewise.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from domain import rules
from domain.enrollment_state import EnrollmentState
from domain.errors import DeclineNotChangeable
from domain.values import EnrollmentStatus, Meeting


class DeclineCommands(EnrollmentState):
    def decline_meeting(
        self, participant_id: UUID, meeting: Meeting, now: datetime, actor: str
    ) -> None:
        self._require_attending(participant_id, meeting, now)
        if self.has_declined(participant_id, meeting.meeting_id):
            raise DeclineNotChangeable("The participant has already declined this meeting.")
        self._meeting_declined(
            participant_id=participant_id, meeting_id=meeting.meeting_id, actor=actor
        )

    def withdraw_decline(
        self, participant_id: UUID, meeting: Meeting, now: datetime, actor: str
    ) -> None:
        """Undoes a decline: the participant is expected again."""
        self._require_attending(participant_id, meeting, now)
        if not self.has_declined(participant_id, meeting.meeting_id):
            raise DeclineNotChangeable("The participant has not declined this meeting.")
        self._decline_withdrawn(
            participant_id=participant_id, meeting_id=meeting.meeting_id, actor=actor
        )

    def _require_attending(self, participant_id: UUID, meeting: Meeting, now: datetime) -> None:
        self._require_step(
            "answer for a meeting; only an admitted one does", EnrollmentStatus.ADMITTED
        )
        if not self.participant(participant_id).is_active:
            raise DeclineNotChangeable("The participant has left this Peer-Learning.")
        rules.require_changeable(meeting, now)
