"""Which step an enrolment may take from which status, and the one-id-per-municipality rule.

    registered --admit--> admitted            registered --put on waitlist--> waitlisted
    waitlisted --move up--> admitted
    admitted | waitlisted --withdraw | reject--> withdrawn | rejected  (final)

Participants join, and the contact and participants are corrected, only while the
enrolment is admitted or waitlisted.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.errors import DuplicateParticipant, EnrollmentClosed, EnrollmentNotChangeable
from domain.values import EnrollmentStatus, Municipality, Participant

ENROLLMENT_NAMESPACE = uuid5(NAMESPACE_URL, "peer-learning/enrollment")
PLACED = (EnrollmentStatus.ADMITTED, EnrollmentStatus.WAITLISTED)
FINAL = (EnrollmentStatus.WITHDRAWN, EnrollmentStatus.REJECTED)


def enrollment_id_for(peer_learning_id: UUID, municipality_key: str) -> UUID:
    """One id per municipality and series, from its official key alone, so two spellings
    of one municipality are one enrolment and the store refuses a second."""
    return uuid5(ENROLLMENT_NAMESPACE, f"{peer_learning_id}/ags:{municipality_key}")


def enrollment_id_by_name(peer_learning_id: UUID, municipality_name: str) -> UUID:
    """The id an enrolment recorded without a key was given: from its normalised name.
    Such enrolments keep it; a new enrolment of that name is checked against it."""
    normalised = re.sub(r"\s+", " ", municipality_name).strip().casefold()
    return uuid5(ENROLLMENT_NAMESPACE, f"{peer_learning_id}/{normalised}")


def enrollment_id_of(peer_learning_id: UUID, municipality: Municipality, round: int = 1) -> UUID:
    """The id of a municipality's first enrolment in a series, or of a later `round`: one
    that follows an enrolment that ended (withdrawn or rejected)."""
    if municipality.key:
        first = enrollment_id_for(peer_learning_id, municipality.key)
    else:
        first = enrollment_id_by_name(peer_learning_id, municipality.name)
    return first if round == 1 else uuid5(ENROLLMENT_NAMESPACE, f"{first}/round:{round}")


def require_step(status: str, allowed: Collection[str], municipality: str, step: str) -> None:
    """Refuses `step` unless the enrolment's status allows it; a withdrawn or rejected
    enrolment takes no step at all."""
    if status in allowed:
        return
    if status in FINAL:
        raise EnrollmentClosed(
            f"The enrolment of {municipality} is {status}; it takes no more changes."
        )
    raise EnrollmentNotChangeable(f"The enrolment of {municipality} is {status}; it cannot {step}.")


def require_unique_email(participant: Participant, present: Iterable[Participant]) -> None:
    """One e-mail address once among the present participants (other than this one)."""
    email = participant.person.email.casefold()
    others = (p for p in present if p.participant_id != participant.participant_id)
    if any(p.person.email.casefold() == email for p in others):
        raise DuplicateParticipant(
            f"{participant.person.email} already takes part for this municipality."
        )
