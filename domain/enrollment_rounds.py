"""A municipality's enrolments in one series, one round at a time.

The first enrolment's id follows from the municipality, so the store itself refuses a second
one. Once that enrolment has ended (withdrawn or rejected), the municipality may enrol again:
the next round's id follows from the first's and the round's number, and so on.
"""

from __future__ import annotations

from uuid import UUID

from domain.enrollment import Enrollment
from domain.enrollment_steps import enrollment_id_by_name, enrollment_id_of
from domain.values import Locale, Municipality, PersonalData, require_enum


def enrollment_ids_of_round(
    peer_learning_id: UUID, municipality: Municipality, round: int
) -> set[UUID]:
    """The ids under which this municipality may have enrolled in that round: its key's,
    and, for the first round, its name's from before keys were required."""
    ids = {enrollment_id_of(peer_learning_id, municipality, round)}
    if round == 1:
        ids.add(enrollment_id_by_name(peer_learning_id, municipality.name))
    return ids


def register_enrollment(
    peer_learning_id: UUID,
    municipality: Municipality,
    contact: PersonalData,
    actor: str,
    round: int,
    contact_locale: str = Locale.DE,
) -> Enrollment:
    """The municipality's enrolment of that round, registered by `actor`; its contact reads
    its mails in `contact_locale`."""
    return Enrollment._create(
        Enrollment.Registered,
        id=enrollment_id_of(peer_learning_id, municipality, round),
        peer_learning_id=peer_learning_id,
        municipality=municipality,
        contact=contact,
        contact_locale=require_enum(Locale, contact_locale, "Locale"),
        actor=actor,
    )
