"""Commands on enrolments and the list of funded model projects."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from application.enrollment_rounds import enrollment_round
from application.links import EmailChange
from application.series_commands import SeriesCommands
from application.store_application import check_expected
from domain.eligibility import check_eligible
from domain.enrollment import Enrollment
from domain.enrollment_rounds import register_enrollment
from domain.errors import ConcurrentWrite
from domain.model_projects import FundedModelProjects
from domain.rules import require_not_finished
from domain.values import (
    Locale,
    Municipality,
    Participant,
    PersonalData,
    require_enum,
    require_timezone,
)


class EnrollmentCommands(SeriesCommands):
    def enrol(
        self,
        peer_learning_id: UUID,
        municipality: dict[str, str | None],
        contact_name: str,
        contact_email: str,
        actor: str,
        expected_version: int | None = None,
        contact_locale: str = Locale.DE,
    ) -> tuple[UUID, str]:
        series = self._change(peer_learning_id, expected_version)
        place = Municipality.of(**municipality)  # type: ignore[arg-type]
        contact = PersonalData.of(uuid4(), contact_name, contact_email)
        check_eligible(series, place, self.funded_model_projects(), self.regions_for(series))
        round = enrollment_round(self, peer_learning_id, place)
        enrollment = register_enrollment(
            peer_learning_id, place, contact, actor, round, contact_locale=contact_locale
        )
        enrollment.settle(series.enrol(enrollment.id, actor=actor), actor=actor)
        try:
            self.record(series, enrollment)
        except ConcurrentWrite:
            enrollment_round(self, peer_learning_id, place)  # enrolled meanwhile: say so
            raise
        return enrollment.id, enrollment.status

    def _change_enrollment(self, enrollment_id: UUID, expected_version: int | None) -> Enrollment:
        enrollment = self.enrollment(enrollment_id)
        check_expected(enrollment, expected_version)
        require_not_finished(self.series(enrollment.peer_learning_id))
        return enrollment

    def join(
        self,
        enrollment_id: UUID,
        name: str,
        email: str,
        actor: str,
        locale: str = "de",
        timezone: str | None = None,
        expected_version: int | None = None,
    ) -> UUID:
        enrollment = self._change_enrollment(enrollment_id, expected_version)
        participant_id = uuid4()
        participant = Participant(
            participant_id=participant_id,
            person=PersonalData.of(participant_id, name, email),
            locale=require_enum(Locale, locale, "Locale"),
            timezone=require_timezone(timezone) if timezone else None,
            joined_at=self.clock.now(),
        )
        enrollment.join(participant, actor=actor)
        self.record(enrollment)
        return participant_id

    def correct_participant(
        self,
        enrollment_id: UUID,
        participant_id: UUID,
        changes: dict[str, Any],
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        enrollment = self._change_enrollment(enrollment_id, expected_version)
        enrollment.correct_participant(participant_id, changes, actor=actor)
        self.record(enrollment)
        return enrollment.version

    def correct_own_details(
        self, enrollment_id: UUID, participant_id: UUID, changes: dict[str, Any], actor: str
    ) -> int:
        """A person's correction of their own details from their self-service page: as a
        participant and, when they are the enrolment's contact, as its contact too (the
        enrolment keeps the two in step)."""
        return self.correct_participant(enrollment_id, participant_id, changes, actor)

    def confirm_own_address(self, change: EmailChange, actor: str) -> int:
        """A new address confirmed from the link mailed to it (see `EmailChange`)."""
        enrollment = self._change_enrollment(change.enrollment_id, None)
        enrollment.confirm_new_address(
            change.participant_id, change.email, change.replaces, actor=actor
        )
        self.record(enrollment)
        return enrollment.version

    def correct_contact(
        self,
        enrollment_id: UUID,
        changes: dict[str, Any],
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        enrollment = self._change_enrollment(enrollment_id, expected_version)
        enrollment.correct_contact(changes, actor=actor)
        self.record(enrollment)
        return enrollment.version

    def leave(
        self,
        enrollment_id: UUID,
        participant_id: UUID,
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        enrollment = self._change_enrollment(enrollment_id, expected_version)
        enrollment.leave(participant_id, now=self.clock.now(), actor=actor)
        self.record(enrollment)
        return enrollment.version

    def decline_meeting(
        self, enrollment_id: UUID, participant_id: UUID, meeting_id: UUID, actor: str
    ) -> int:
        """Records that a participant cannot attend one meeting of the series."""
        enrollment = self._change_enrollment(enrollment_id, None)
        meeting = self.series(enrollment.peer_learning_id).meeting(meeting_id)
        enrollment.decline_meeting(participant_id, meeting, now=self.clock.now(), actor=actor)
        self.record(enrollment)
        return enrollment.version

    def undo_decline(
        self, enrollment_id: UUID, participant_id: UUID, meeting_id: UUID, actor: str
    ) -> int:
        """Takes a decline back: the participant is expected at the meeting again."""
        enrollment = self._change_enrollment(enrollment_id, None)
        meeting = self.series(enrollment.peer_learning_id).meeting(meeting_id)
        enrollment.withdraw_decline(participant_id, meeting, now=self.clock.now(), actor=actor)
        self.record(enrollment)
        return enrollment.version

    def withdraw_enrollment(
        self,
        enrollment_id: UUID,
        actor: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> int:
        enrollment = self._change_enrollment(enrollment_id, expected_version)
        series = self.series(enrollment.peer_learning_id)
        enrollment.withdraw(actor=actor, reason=reason)
        moved_up = series.release(enrollment.id, actor=actor)
        self.record(series, enrollment, *self._moved_up(moved_up))
        return enrollment.version

    def reject_enrollment(
        self,
        enrollment_id: UUID,
        reason: str,
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        enrollment = self._change_enrollment(enrollment_id, expected_version)
        series = self.series(enrollment.peer_learning_id)
        enrollment.reject(reason=reason, actor=actor)
        moved_up = series.release(enrollment.id, actor=actor)
        self.record(series, enrollment, *self._moved_up(moved_up))
        return enrollment.version

    def add_model_project(
        self,
        name: str,
        actor: str,
        key: str | None = None,
        state: str | None = None,
        region: str | None = None,
        further_keys: tuple[str, ...] = (),
    ) -> UUID:
        """Lists a funded model project by its official keys: one, or one per member of a
        joint project (`key` and `further_keys`)."""
        registry = self.funded_model_projects() or FundedModelProjects(actor=actor)
        project = Municipality.of(name, key, state, region, tuple(further_keys))
        model_project_id = registry.add(project, actor=actor)
        self.record(registry)
        return model_project_id

    def remove_model_project(self, model_project_id: UUID, actor: str) -> None:
        registry = self.funded_model_projects() or FundedModelProjects(actor=actor)
        registry.remove(model_project_id, actor=actor)
        self.record(registry)
