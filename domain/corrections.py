"""Corrections of a person's facts: name, e-mail, language and time zone, checked as on joining.

An enrolment's contact and a participant who are the same person (one subject, or one
address) keep one name and one address: a correction of either corrects both.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from domain.enrollment_steps import require_unique_email
from domain.errors import InvalidValue
from domain.values import Locale, Participant, PersonalData, require_enum, require_timezone

PERSON_FIELDS = frozenset({"name", "email"})
PARTICIPANT_FIELDS = PERSON_FIELDS | {"locale", "timezone"}


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


def _require_known(changes: dict[str, Any], known: frozenset[str]) -> None:
    unknown = sorted(set(changes) - known)
    if unknown:
        raise InvalidValue(f"Only {', '.join(sorted(known))} can be corrected, not {unknown}.")
