"""Erasure by crypto-shredding: delete the person's key, then record that it happened."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.utils import get_topic

from audit.keys import KeyStore
from audit.log import notifications
from domain.enrollment import Enrollment
from domain.errors import ParticipantNotFound
from peerlearning.enrollment_commands import PeerLearningApp

HOLDING_EVENTS = (Enrollment.Registered, Enrollment.ParticipantJoined)  # type: ignore[attr-defined]


def erase_person(app: PeerLearningApp, keys: KeyStore, subject_id: UUID, actor: str) -> UUID:
    """Shreds a participant's or contact's data; returns the enrolment that held it.

    The key goes first, so a failure afterwards never leaves readable data behind; running
    the erasure again records the event that is still missing.
    """
    enrollment_id = enrollment_holding(app, subject_id)
    keys.shred(subject_id)
    if not _already_recorded(app, enrollment_id, subject_id):
        enrollment = app.enrollment(enrollment_id)
        enrollment.erase_personal_data(subject_id, actor=actor)
        app.record(enrollment)
    return enrollment_id


def enrollment_holding(app: PeerLearningApp, subject_id: UUID) -> UUID:
    topics = [get_topic(cls) for cls in HOLDING_EVENTS]
    for notification in notifications(app, topics=topics):
        event: Any = app.mapper.to_domain_event(notification)
        if _subject_of(event) == subject_id:
            return UUID(str(notification.originator_id))
    raise ParticipantNotFound(subject_id)


def _subject_of(event: Any) -> UUID | None:
    if hasattr(event, "participant"):
        return event.participant.participant_id  # type: ignore[no-any-return]
    return event.contact.subject_id  # type: ignore[no-any-return]


def _already_recorded(app: PeerLearningApp, enrollment_id: UUID, subject_id: UUID) -> bool:
    erased = Enrollment.PersonalDataErased  # type: ignore[attr-defined]
    return any(
        isinstance(e, erased) and e.subject_id == subject_id for e in app.events.get(enrollment_id)
    )
