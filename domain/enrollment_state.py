"""What an enrolment knows of itself, shared by the Enrollment aggregate and its command
mixins: its status, its participants and which meetings they said they cannot attend."""

from __future__ import annotations

from uuid import UUID

from domain.enrollment_steps import PLACED, require_step
from domain.errors import ParticipantNotFound
from domain.values import EnrollmentStatus, Municipality, Participant, PersonalData


def decline_key(participant_id: UUID, meeting_id: UUID) -> str:
    return f"{participant_id}/{meeting_id}"


class EnrollmentState:
    municipality: Municipality
    contact: PersonalData
    status: str
    participants: dict[str, Participant]

    @property
    def is_active(self) -> bool:
        return self.status in PLACED

    @property
    def active_participants(self) -> list[Participant]:
        return [p for p in self.participants.values() if p.is_active]

    @property
    def declines(self) -> dict[str, bool]:
        """The meetings participants cannot attend, by `decline_key`. Kept in the instance's
        own dict, so an enrolment restored from a snapshot older than declines has none."""
        found: dict[str, bool] = self.__dict__.setdefault("declines", {})
        return found

    def has_declined(self, participant_id: UUID, meeting_id: UUID) -> bool:
        return decline_key(participant_id, meeting_id) in self.declines

    def participant(self, participant_id: UUID) -> Participant:
        try:
            return self.participants[str(participant_id)]
        except KeyError:
            raise ParticipantNotFound(participant_id) from None

    def _require_active(self) -> None:
        self._require_step("take changes before it has a place", *PLACED)

    def _require_step(self, step: str, *allowed: EnrollmentStatus) -> None:
        require_step(self.status, allowed, self.municipality.name, step)

    # the events the mixins trigger, defined on the aggregate
    def _participant_corrected(
        self,
        participant_id: UUID,
        person: PersonalData,
        locale: str,
        timezone: str | None,
        actor: str,
    ) -> None: ...

    def _contact_corrected(self, contact: PersonalData, actor: str) -> None: ...

    def _meeting_declined(self, participant_id: UUID, meeting_id: UUID, actor: str) -> None: ...

    def _decline_withdrawn(self, participant_id: UUID, meeting_id: UUID, actor: str) -> None: ...
