"""The Enrollment aggregate: one municipality taking part in one series."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.corrections import CorrectionCommands
from domain.enrollment_end import AttendanceRules, Ending
from domain.enrollment_state import decline_key
from domain.enrollment_steps import (
    ENROLLMENT_NAMESPACE,
    PLACED,
    enrollment_id_for,
    enrollment_id_of,
    require_unique_email,
)
from domain.errors import ParticipantNotFound
from domain.kinds import Admission
from domain.meeting_declines import DeclineCommands
from domain.values import (
    ERASED,
    EnrollmentStatus,
    Locale,
    Municipality,
    Participant,
    PersonalData,
)

__all__ = ["ENROLLMENT_NAMESPACE", "Enrollment", "enrollment_id_for"]


class Enrollment(DeclineCommands, CorrectionCommands, AttendanceRules, Aggregate):
    class_version = 2  # 2: the contact's language; a snapshot of version 1 reads German

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["contact_locale"] = Locale.DE.value

    @staticmethod
    def create_id(peer_learning_id: UUID, municipality: Municipality, **_: object) -> UUID:
        return enrollment_id_of(peer_learning_id, municipality)

    class Registered(Aggregate.Created):
        """Version 2 added the contact's language; version 1 events read German."""

        class_version = 2
        peer_learning_id: UUID
        municipality: Municipality
        contact: PersonalData
        contact_locale: str
        actor: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["contact_locale"] = Locale.DE.value

    @event(Registered)
    def __init__(
        self,
        peer_learning_id: UUID,
        municipality: Municipality,
        contact: PersonalData,
        actor: str,
        contact_locale: str = Locale.DE.value,
    ) -> None:
        self.peer_learning_id = peer_learning_id
        self.municipality = municipality
        self.contact = contact
        self.contact_locale = contact_locale
        self.status: str = EnrollmentStatus.REGISTERED
        self.participants: dict[str, Participant] = {}
        self.declines.clear()

    # ---- its place in the series: the series decides, the enrolment follows ------
    def settle(self, admission: Admission, actor: str) -> None:
        """Takes the place the series gave this new enrolment: a seat or the waiting list."""
        if admission == Admission.ADMITTED:
            self.admit(actor=actor)
        else:
            self.put_on_waitlist(actor=actor)

    def admit(self, actor: str) -> None:
        self._require_step("be admitted", EnrollmentStatus.REGISTERED)
        self._admitted(actor=actor)

    def move_up(self, actor: str) -> None:
        """A waiting enrolment takes the seat the series gave it."""
        self._require_step("move up; only a waitlisted one does", EnrollmentStatus.WAITLISTED)
        self._admitted(actor=actor)

    class Admitted(Aggregate.Event):
        actor: str

    @event(Admitted)
    def _admitted(self, actor: str) -> None:
        self.status = EnrollmentStatus.ADMITTED

    def put_on_waitlist(self, actor: str) -> None:
        self._require_step("wait for a seat", EnrollmentStatus.REGISTERED)
        self._waitlisted(actor=actor)

    class Waitlisted(Aggregate.Event):
        actor: str

    @event(Waitlisted)
    def _waitlisted(self, actor: str) -> None:
        self.status = EnrollmentStatus.WAITLISTED

    def reject(self, reason: str, actor: str) -> None:
        self._require_step("be rejected", *PLACED)
        self._rejected(reason=reason, actor=actor)

    class Rejected(Ending):
        reason: str
        actor: str

    @event(Rejected)
    def _rejected(self, reason: str, actor: str) -> None:
        self.status = EnrollmentStatus.REJECTED

    def withdraw(self, actor: str, reason: str | None = None) -> None:
        self._require_step("be withdrawn", *PLACED)
        self._withdrawn(reason=reason, actor=actor)

    class Withdrawn(Ending):
        reason: str | None
        actor: str

    @event(Withdrawn)
    def _withdrawn(self, reason: str | None, actor: str) -> None:
        self.status = EnrollmentStatus.WITHDRAWN

    def join(self, participant: Participant, actor: str) -> None:
        self._require_active()
        require_unique_email(participant, self.active_participants)
        self._participant_joined(participant=participant, actor=actor)

    class ParticipantJoined(Aggregate.Event):
        participant: Participant
        actor: str

    @event(ParticipantJoined)
    def _participant_joined(self, participant: Participant, actor: str) -> None:
        self.participants[str(participant.participant_id)] = participant

    def leave(self, participant_id: UUID, now: datetime, actor: str) -> None:
        """Leaving again records nothing: the participant already left, as asked."""
        if self.participant(participant_id).is_active:
            self._participant_left(participant_id=participant_id, left_at=now, actor=actor)

    class ParticipantLeft(Aggregate.Event):
        participant_id: UUID
        left_at: datetime
        actor: str

    @event(ParticipantLeft)
    def _participant_left(self, participant_id: UUID, left_at: datetime, actor: str) -> None:
        key = str(participant_id)
        self.participants[key] = replace(self.participants[key], left_at=left_at)

    # ---- corrections (the commands: domain/corrections.py) ---------------------------
    class ParticipantCorrected(Aggregate.Event):
        participant_id: UUID
        person: PersonalData
        locale: str
        timezone: str | None
        actor: str

    @event(ParticipantCorrected)
    def _participant_corrected(
        self,
        participant_id: UUID,
        person: PersonalData,
        locale: str,
        timezone: str | None,
        actor: str,
    ) -> None:
        key = str(participant_id)
        self.participants[key] = replace(
            self.participants[key], person=person, locale=locale, timezone=timezone
        )

    class ContactCorrected(Aggregate.Event):
        contact: PersonalData
        actor: str

    @event(ContactCorrected)
    def _contact_corrected(self, contact: PersonalData, actor: str) -> None:
        self.contact = contact

    def holds_personal_data_of(self, subject_id: UUID) -> bool:
        return self.contact.subject_id == subject_id or str(subject_id) in self.participants

    def erase_personal_data(self, subject_id: UUID, actor: str) -> None:
        """Records that a person's data was shredded; their key is gone from the store."""
        if not self.holds_personal_data_of(subject_id):
            raise ParticipantNotFound(subject_id)
        self._personal_data_erased(subject_id=subject_id, actor=actor)

    class PersonalDataErased(Aggregate.Event):
        subject_id: UUID
        actor: str

    @event(PersonalDataErased)
    def _personal_data_erased(self, subject_id: UUID, actor: str) -> None:
        erased = PersonalData(subject_id, ERASED, ERASED)
        if self.contact.subject_id == subject_id:
            self.contact = erased
        key = str(subject_id)
        if key in self.participants:
            self.participants[key] = replace(self.participants[key], person=erased)

    # ---- declines of one meeting (the commands: domain/meeting_declines.py) ------
    class MeetingDeclined(Aggregate.Event):
        participant_id: UUID
        meeting_id: UUID
        actor: str

    @event(MeetingDeclined)
    def _meeting_declined(self, participant_id: UUID, meeting_id: UUID, actor: str) -> None:
        self.declines[decline_key(participant_id, meeting_id)] = True

    class DeclineWithdrawn(Aggregate.Event):
        participant_id: UUID
        meeting_id: UUID
        actor: str

    @event(DeclineWithdrawn)
    def _decline_withdrawn(self, participant_id: UUID, meeting_id: UUID, actor: str) -> None:
        self.declines.pop(decline_key(participant_id, meeting_id), None)
