"""Erasure of a person a registration holds and no enrolment does (a registration declined,
expired or still awaiting confirmation): their key goes first, then the erasure is recorded
on the registration (its view writes "erased" over the person), then the freed bytes go."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from application.app import PeerLearningApp
from audit.keys import KeyStore
from audit.log import notifications
from audit.personal_copies import HOLDING_PERSONAL_DATA, PERSONAL_COLUMNS, PersonalCopies
from audit.registration_expiry import REGISTRATIONS
from domain.errors import ParticipantNotFound
from domain.registration import Registration
from domain.values import PersonalData

SUBMITTING_EVENTS = (Registration.Submitted, Registration.Resubmitted)  # type: ignore[attr-defined]


def erase_registration_person(
    app: PeerLearningApp, keys: KeyStore, subject_id: UUID, actor: str
) -> UUID:
    """Erases a registration's person; returns the registration. Running it again records
    what is still missing and wipes again."""
    registration_id, person = registration_holding(app, subject_id)
    copies = PersonalCopies(keys.db)
    copies.scrub_reasons(person)
    keys.shred(subject_id)
    if not _already_recorded(app, registration_id, subject_id):
        registration = app.registration(registration_id)
        registration.erase_personal_data(subject_id, actor=actor)
        app.record(registration)
    samples = {**PERSONAL_COLUMNS, REGISTRATIONS: ("people",)}
    keys.db.reclaim((*HOLDING_PERSONAL_DATA, REGISTRATIONS), samples)
    return registration_id


def registration_holding(app: PeerLearningApp, subject_id: UUID) -> tuple[UUID, PersonalData]:
    """The registration one of whose submissions named the person, and their data as it
    reads now."""
    topics = [get_topic(cls) for cls in SUBMITTING_EVENTS]
    for notification in notifications(app, topics=topics):
        event: Any = app.mapper.to_domain_event(notification)
        for person in (event.contact, *event.participants):
            if person.participant_id == subject_id:
                data = person.person
                return UUID(str(notification.originator_id)), PersonalData(
                    subject_id, data.name, data.email
                )
    raise ParticipantNotFound(subject_id)


def _already_recorded(app: PeerLearningApp, registration_id: UUID, subject_id: UUID) -> bool:
    erased = Registration.PersonalDataErased  # type: ignore[attr-defined]
    return any(
        isinstance(e, erased) and e.subject_id == subject_id
        for e in app.events.get(registration_id)
    )
