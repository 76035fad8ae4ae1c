"""Corrections of a person's facts: name, e-mail, language and time zone, checked as on joining.

An enrolment's contact and a participant who are the same person (one subject, or one
address) keep one name and one address: a correction of either corrects both.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from uuid import UUID

from domain.enrollment_state import EnrollmentState
from domain.enrollment_steps import require_unique_email
from domain.errors import AddressChangeSuperseded, EnrollmentClosed, InvalidValue
from domain.values import Locale, Participant, PersonalData, require_enum, require_timezone

PERSON_FIELDS = frozenset({"name", "email"})
PARTICIPANT_FIELDS = PERSON_FIELDS | {"locale", "timezone"}


class CorrectionCommands(EnrollmentState):
    """The Enrollment's corrections of one person as contact and participant."""

    def correct_participant(
        self, participant_id: UUID, changes: dict[str, Any], actor: str
    ) -> None:
        """Corrects a participant's name, e-mail, language or time zone (and the contact's)."""
        self._require_active()
        current = self.participant(participant_id)
        if not current.is_active:
            raise EnrollmentClosed("The participant has left; a leaver's data is not corrected.")
        corrected = corrected_participant(current, changes)
        require_unique_email(corrected, self.active_participants)
        self._participant_becomes(corrected, actor)
        if current.person.is_same_person_as(self.contact):
            self._contact_becomes(self.contact.named_as(corrected.person), actor)

    def confirm_new_address(
        self, participant_id: UUID, email: str, replacing: str | None, actor: str
    ) -> None:
        """A new address confirmed from it; only while the address it was asked to replace
        is still the person's (`replacing`, unknown for links that did not name it): an
        older link cannot undo a newer change. Confirming again records nothing new."""
        current = self.participant(participant_id).person.email
        if replacing is not None and not _same_address(current, replacing, email):
            raise AddressChangeSuperseded(
                "The address was changed since this link was sent; "
                "ask for the new address again from your personal page."
            )
        self.correct_participant(participant_id, {"email": email}, actor=actor)

    def correct_contact(self, changes: dict[str, Any], actor: str) -> None:
        """Corrects the contact's name or e-mail; and the participant's who is the contact."""
        self._require_active()
        corrected = corrected_person(self.contact, changes)
        following = contact_followers(self.active_participants, self.contact, corrected)
        self._contact_becomes(corrected, actor)
        for participant in following:
            self._participant_becomes(participant, actor)

    def _participant_becomes(self, corrected: Participant, actor: str) -> None:
        if corrected != self.participant(corrected.participant_id):
            self._participant_corrected(
                participant_id=corrected.participant_id,
                person=corrected.person,
                locale=corrected.locale,
                timezone=corrected.timezone,
                actor=actor,
            )

    def _contact_becomes(self, corrected: PersonalData, actor: str) -> None:
        if corrected != self.contact:
            self._contact_corrected(contact=corrected, actor=actor)


def corrected_person(person: PersonalData, changes: dict[str, Any]) -> PersonalData:
    _require_known(changes, PERSON_FIELDS)
    if person.is_erased:
        raise InvalidValue("This person's data was erased; it cannot be corrected.")
    name = changes.get("name", person.name)
    email = changes.get("email", person.email)
    return PersonalData.of(person.subject_id, name, email)


def corrected_participant(participant: Participant, changes: dict[str, Any]) -> Participant:
    _require_known(changes, PARTICIPANT_FIELDS)
    person_changes = {k: v for k, v in changes.items() if k in PERSON_FIELDS}
    timezone = changes.get("timezone", participant.timezone)
    return replace(
        participant,
        person=corrected_person(participant.person, person_changes),
        locale=require_enum(Locale, changes.get("locale", participant.locale), "Locale"),
        timezone=require_timezone(timezone) if timezone else None,
    )


def contact_followers(
    present: list[Participant], contact: PersonalData, corrected: PersonalData
) -> list[Participant]:
    """The present participants who are the contact, with the contact's corrected name and
    address; refused if one would take the address of another participant."""
    following = [
        replace(p, person=p.person.named_as(corrected))
        for p in present
        if p.person.is_same_person_as(contact)
    ]
    after = {p.participant_id: p for p in (*present, *following)}
    for participant in following:
        require_unique_email(participant, after.values())
    return following


def _same_address(current: str, *addresses: str) -> bool:
    return current.casefold() in {a.casefold() for a in addresses}


def _require_known(changes: dict[str, Any], known: frozenset[str]) -> None:
    unknown = sorted(set(changes) - known)
    if unknown:
        raise InvalidValue(f"Only {', '.join(sorted(known))} can be corrected, not {unknown}.")
