"""An unconfirmed registration expires after seven days; its people's data is erased to the
byte, the expiry is in the chain, and its link no longer confirms."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID

import pytest

from audit.registration_expiry import expire_overdue
from domain.errors import RegistrationNotChangeable
from peerlearning.bootstrap import Services
from tests.audit.raw_store import found, store_bytes
from tests.support.clock import FakeClock
from tests.support.keys import key_for
from tests.support.samples import announce

CONTACT = {"name": "Rieke Unbestätigt", "email": "rieke.unbestaetigt@example.org"}
FURTHER = {"name": "Jonte Mitläufer", "email": "jonte.mitlaeufer@example.org", "locale": "en"}
KEPT = {"name": "Klara Bestätigt", "email": "klara.bestaetigt@example.org"}
SECRETS = (*CONTACT.values(), FURTHER["name"], FURTHER["email"])


def register(services: Services, series_id: UUID, name: str, contact: dict[str, str]) -> UUID:
    registration_id, recorded = services.app.register(
        series_id,
        {"name": name, "key": key_for(name)},
        contact,
        [FURTHER] if contact is CONTACT else [],
        "public",
    )
    assert recorded
    return registration_id


def test_an_unconfirmed_registration_expires_and_its_people_are_erased(
    services: Services, clock: FakeClock
) -> None:
    app, keys = services.app, services.audit.keys
    series_id = announce(app)
    lapsing = register(services, series_id, "Gemeinde Zögerlich", CONTACT)
    clock.advance(timedelta(days=1))
    confirmed = register(services, series_id, "Gemeinde Flink", KEPT)
    app.confirm_registration(confirmed, actor="public:p-1")
    assert found(store_bytes(services.settings), SECRETS) == set(SECRETS)

    clock.advance(timedelta(days=6, seconds=-1))
    early = expire_overdue(app, keys, services.views)
    clock.advance(timedelta(seconds=1))
    expired = expire_overdue(app, keys, services.views)
    again = expire_overdue(app, keys, services.views)

    assert (early, expired, again) == ([], [lapsing], [])
    row = services.views.registrations.one(lapsing)
    assert row is not None and (row["state"], row["people"]) == ("expired", [])
    assert app.registration(lapsing).contact.person.is_erased
    assert all(p.person.is_erased for p in app.registration(lapsing).participants)
    assert found(store_bytes(services.settings), SECRETS) == set()
    assert found(store_bytes(services.settings), [KEPT["email"]]) == {KEPT["email"]}
    assert services.audit.verify(app).ok
    with pytest.raises(RegistrationNotChangeable):
        app.confirm_registration(lapsing, actor="public:p-2")


def test_an_expired_registration_may_be_submitted_afresh(
    services: Services, clock: FakeClock
) -> None:
    app = services.app
    series_id = announce(app)
    first = register(services, series_id, "Gemeinde Zögerlich", CONTACT)
    clock.advance(timedelta(days=7))
    expire_overdue(app, services.audit.keys, services.views)

    again, recorded = app.register(
        series_id,
        {"name": "Gemeinde Zögerlich", "key": key_for("Gemeinde Zögerlich")},
        KEPT,
        [],
        "public",
    )

    assert (again, recorded) == (first, True)
    row = services.views.registrations.one(again)
    assert row is not None and row["state"] == "awaiting-confirmation"
    assert [p["email"] for p in row["people"]] == [KEPT["email"]]
