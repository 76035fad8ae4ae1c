"""Erasure: delete the person's key, blank their plain copies, wipe the freed bytes, and
record that it happened."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from application.app import PeerLearningApp
from audit.keys import KeyStore
from audit.log import notifications
from audit.personal_copies import PersonalCopies
from audit.registration_erasure import erase_registration_person
from domain.enrollment import Enrollment
from domain.errors import ParticipantNotFound
from domain.values import PersonalData

HOLDING_EVENTS = (Enrollment.Registered, Enrollment.ParticipantJoined)  # type: ignore[attr-defined]
# Events that hold a later version of a person's data, sealed with the same key.
CORRECTING_EVENTS = (Enrollment.ParticipantCorrected, Enrollment.ContactCorrected)


@dataclass(frozen=True)
class Erased:
    """Whose data an erasure shredded: an enrolment's person, or a registration's that
    never became one (declined, expired or awaiting confirmation)."""

    holder_id: UUID
    by_registration: bool = False

    def as_reply(self, subject_id: UUID) -> dict[str, Any]:
        holder = "registration_id" if self.by_registration else "enrollment_id"
        return {"subject_id": str(subject_id), holder: str(self.holder_id), "erased": True}


def erase_subject(app: PeerLearningApp, keys: KeyStore, subject_id: UUID, actor: str) -> Erased:
    """Erases the person an enrolment holds, else the one a registration holds."""
    try:
        return Erased(erase_person(app, keys, subject_id, actor))
    except ParticipantNotFound:
        registration_id = erase_registration_person(app, keys, subject_id, actor)
        return Erased(registration_id, by_registration=True)


def erase_person(app: PeerLearningApp, keys: KeyStore, subject_id: UUID, actor: str) -> UUID:
    """Erases a participant's or contact's data; returns the enrolment that held it.

    The key goes first, so a failure afterwards never leaves readable events behind;
    running the erasure again records the event that is still missing and wipes again.
    Once it returns, no byte of the name or address is left in the store's tables.
    """
    enrollment_id, person = person_holding(app, subject_id)
    copies = PersonalCopies(keys.db)
    for version in (person, *corrections_of(app, enrollment_id, subject_id)):
        copies.scrub_reasons(version)
    keys.shred(subject_id)
    if not _already_recorded(app, enrollment_id, subject_id):
        enrollment = app.enrollment(enrollment_id)
        enrollment.erase_personal_data(subject_id, actor=actor)
        app.record(enrollment)
    copies.blank(subject_id)
    copies.reclaim()
    return enrollment_id


def enrollment_holding(app: PeerLearningApp, subject_id: UUID) -> UUID:
    return person_holding(app, subject_id)[0]


def person_holding(app: PeerLearningApp, subject_id: UUID) -> tuple[UUID, PersonalData]:
    """The enrolment that holds the person, and their data as it reads now."""
    topics = [get_topic(cls) for cls in HOLDING_EVENTS]
    for notification in notifications(app, topics=topics):
        event: Any = app.mapper.to_domain_event(notification)
        person = _person_in(event)
        if person.subject_id == subject_id:
            return UUID(str(notification.originator_id)), person
    raise ParticipantNotFound(subject_id)


def corrections_of(
    app: PeerLearningApp, enrollment_id: UUID, subject_id: UUID
) -> list[PersonalData]:
    """The person's corrected data, each version as it reads now (before the key goes)."""
    corrections = (e for e in app.events.get(enrollment_id) if isinstance(e, CORRECTING_EVENTS))
    versions = (e.contact if hasattr(e, "contact") else e.person for e in corrections)
    return [person for person in versions if person.subject_id == subject_id]


def _person_in(event: Any) -> PersonalData:
    if hasattr(event, "participant"):
        joined, person = event.participant, event.participant.person
        return PersonalData(joined.participant_id, person.name, person.email)
    return event.contact  # type: ignore[no-any-return]


def _already_recorded(app: PeerLearningApp, enrollment_id: UUID, subject_id: UUID) -> bool:
    erased = Enrollment.PersonalDataErased  # type: ignore[attr-defined]
    return any(
        isinstance(e, erased) and e.subject_id == subject_id for e in app.events.get(enrollment_id)
    )
