"""Commands on registrations: submitted by the public, confirmed by link, reviewed by the
team."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from uuid import UUID, uuid4

from application.enrollment_rounds import enrollment_round
from application.series_commands import SeriesCommands
from domain.enrollment_rounds import register_enrollment
from domain.errors import AlreadyEnrolled, RegistrationNotFound
from domain.registration import Registration, registration_id_for
from domain.registration_rules import check_may_register, land_of, require_distinct_people
from domain.values import Locale, Municipality, Participant, PersonalData, require_enum


def person(entry: dict[str, Any]) -> Participant:
    subject_id = uuid4()
    return Participant(
        participant_id=subject_id,
        person=PersonalData.of(subject_id, entry["name"], entry["email"]),
        locale=require_enum(Locale, entry.get("locale") or Locale.DE, "Locale"),
    )


class RegistrationCommands(SeriesCommands):
    def register(
        self,
        peer_learning_id: UUID,
        municipality: dict[str, Any],
        contact: dict[str, Any],
        participants: Sequence[dict[str, Any]],
        actor: str,
    ) -> tuple[UUID, bool]:
        """Returns the registration's id and whether this submission was recorded (a second
        submission of a pending registration records nothing)."""
        series = self.series(peer_learning_id)
        key = municipality.get("key")
        region = municipality.get("region") or land_of(key)
        place = Municipality.of(municipality["name"], key, municipality.get("state"), region)
        enrolled = self._next_round(peer_learning_id, place) is None
        check_may_register(
            series, place, self.funded_model_projects(), enrolled, self.regions_for(series)
        )
        people = (person(contact), tuple(person(p) for p in participants))
        require_distinct_people(*people)
        registration_id = registration_id_for(peer_learning_id, place)
        if registration_id in self.repository:
            registration = self.registration(registration_id)
            if not registration.submit_again(
                *people, now=self.clock.now(), actor=actor, enrollment_ended=not enrolled
            ):
                return registration_id, False
        else:
            registration = Registration(
                peer_learning_id=peer_learning_id,
                municipality=place,
                contact=people[0],
                participants=people[1],
                submitted_at=self.clock.now(),
                actor=actor,
            )
        self.record(registration)
        return registration_id, True

    def _next_round(self, peer_learning_id: UUID, place: Municipality) -> int | None:
        """The round a new enrolment of `place` would take; None while one has not ended."""
        try:
            return enrollment_round(self, peer_learning_id, place)
        except AlreadyEnrolled:
            return None

    def registration(self, registration_id: UUID) -> Registration:
        return self.load(Registration, registration_id, RegistrationNotFound)

    def confirm_registration(
        self, registration_id: UUID, actor: str, submission: int | None = None
    ) -> bool:
        """Confirms the registration; with `submission`, only that submission of it (a
        link confirms the submission it was mailed for, not a later one)."""
        registration = self.registration(registration_id)
        confirmed = registration.confirm(self.clock.now(), actor=actor, submission=submission)
        if confirmed:
            self.record(registration)
        return confirmed

    def accept_registration(self, registration_id: UUID, actor: str) -> tuple[UUID, str]:
        """The registration becomes an enrolment with its people, admitted while seats are
        free, else waitlisted, in one command."""
        registration = self.registration(registration_id)
        series = self.series(registration.peer_learning_id)
        place = registration.municipality
        round = self._next_round(series.id, place)
        check_may_register(
            series, place, self.funded_model_projects(), round is None, self.regions_for(series)
        )
        assert round is not None  # refused above while an enrolment lasts
        contact = registration.contact
        enrollment = register_enrollment(
            series.id, place, contact.person, actor, round, contact_locale=contact.locale
        )
        enrollment.settle(series.enrol(enrollment.id, actor=actor), actor=actor)
        now = self.clock.now()
        for joining in registration.people:
            enrollment.join(replace(joining, joined_at=now), actor=actor)
        registration.accept(enrollment.id, actor=actor)
        self.record(series, enrollment, registration)
        return enrollment.id, enrollment.status

    def decline_registration(self, registration_id: UUID, reason: str, actor: str) -> None:
        registration = self.registration(registration_id)
        registration.decline(reason, actor=actor)
        self.record(registration)
