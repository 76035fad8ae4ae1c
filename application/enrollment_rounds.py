"""Which round a municipality's new enrolment in a series takes, read from the store."""

from __future__ import annotations

from itertools import count
from uuid import UUID

from application.store_application import StoreApplication
from domain.enrollment_rounds import enrollment_ids_of_round
from domain.enrollment_steps import FINAL
from domain.errors import AlreadyEnrolled
from domain.values import Municipality


def enrollment_round(app: StoreApplication, peer_learning_id: UUID, place: Municipality) -> int:
    """1, or the round after the municipality's last enrolment, which has ended (withdrawn or
    rejected). While one has not ended, the municipality is already enrolled."""
    for round in count(1):
        ids = enrollment_ids_of_round(peer_learning_id, place, round)
        found = [app.enrollment(i) for i in ids if i in app.repository]
        if not found:
            return round
        if any(e.status not in FINAL for e in found):
            raise AlreadyEnrolled(place.name)
    raise AssertionError("unreachable")  # pragma: no cover
