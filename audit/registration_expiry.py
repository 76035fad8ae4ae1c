"""Unconfirmed registrations expire after seven days, and their people's data is erased as
a participant's is: keys shredded first, then the expiry recorded, the copies reclaimed."""

from __future__ import annotations

import logging
from uuid import UUID

from application.app import PeerLearningApp
from audit.keys import KeyStore
from audit.personal_copies import HOLDING_PERSONAL_DATA, PERSONAL_COLUMNS
from domain.errors import DomainError
from domain.registration import RegistrationState
from projections.queries import ViewQueries

SYSTEM = "system"
REGISTRATIONS = "view_registrations"
log = logging.getLogger(__name__)


def expire_registration(
    app: PeerLearningApp, keys: KeyStore, registration_id: UUID, actor: str = SYSTEM
) -> bool:
    """Expires one overdue registration; returns whether it expired now.

    Running it again after a failure between the shredding and the recording finishes the
    job: the keys are gone already, the expiry is then recorded.
    """
    registration = app.registration(registration_id)
    now = app.clock.now()
    if not registration.is_overdue(now):
        return False
    for person in registration.people:
        keys.shred(person.participant_id)
    registration.expire(now, actor=actor)
    app.record(registration)
    return True


def expire_overdue(
    app: PeerLearningApp, keys: KeyStore, views: ViewQueries, actor: str = SYSTEM
) -> list[UUID]:
    """Expires every overdue unconfirmed registration, each on its own: one that fails is
    logged with its reason and left for the next round."""
    expired: list[UUID] = []
    for row in views.registrations.list(RegistrationState.AWAITING_CONFIRMATION):
        registration_id = UUID(str(row["registration_id"]))
        try:
            if expire_registration(app, keys, registration_id, actor):
                expired.append(registration_id)
        except DomainError as error:
            log.warning("Registration %s did not expire: %s", registration_id, type(error).__name__)
    if expired:
        samples = {**PERSONAL_COLUMNS, REGISTRATIONS: ("people",)}
        keys.db.reclaim((*HOLDING_PERSONAL_DATA, REGISTRATIONS), samples)
    return expired
