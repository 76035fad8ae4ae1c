# mypy: disable-error-code="index"
"""Erasure by id covers the people of a registration that never became an enrolment:
declined, expired or still awaiting confirmation. Their key goes, the registration records
the erasure, and nothing of them is readable: not in its history, its view or any table."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest

from audit.registration_expiry import expire_overdue
from peerlearning.bootstrap import Services
from tests.api.client import ApiClient
from tests.audit.tampering import every_table_text
from tests.support.clock import FakeClock
from tests.support.keys import key_for

CONTACT = {"name": "Rosa Registriert", "email": "rosa.registriert@example.org"}
FURTHER = {"name": "Till Mitgemeldet", "email": "till.mitgemeldet@example.org", "locale": "en"}


def registered(services: Services, series_id: str) -> UUID:
    registration_id, _ = services.app.register(
        UUID(series_id),
        {"name": "Gemeinde Weg", "key": key_for("Gemeinde Weg")},
        CONTACT,
        [FURTHER],
        "public",
    )
    return registration_id  # type: ignore[no-any-return]


def brought_to(services: Services, clock: FakeClock, registration_id: UUID, state: str) -> None:
    if state == "declined":
        services.app.confirm_registration(registration_id, actor="public:p-1")
        services.app.decline_registration(registration_id, "Nicht im Programm", actor="anna")
    elif state == "expired":
        clock.advance(timedelta(days=7))
        assert expire_overdue(services.app, services.audit.keys, services.views)


def people_ids(services: Services, registration_id: UUID) -> list[UUID]:
    registration = services.app.registration(registration_id)
    return [p.participant_id for p in registration.people]


@pytest.mark.parametrize("state", ["declined", "expired", "awaiting-confirmation"])
def test_a_registrations_people_are_erased_by_their_id(
    team: ApiClient,
    auditor: ApiClient,
    services: Services,
    clock: FakeClock,
    series: dict[str, Any],
    state: str,
) -> None:
    registration_id = registered(services, series["id"])
    contact_id, further_id = people_ids(services, registration_id)
    brought_to(services, clock, registration_id, state)
    assert auditor.post(f"/participants/{contact_id}/erasure").status_code == 403

    replies = [
        team.post(f"/participants/{subject}/erasure") for subject in (contact_id, further_id)
    ]
    again = team.post(f"/participants/{contact_id}/erasure")

    assert [r.status_code for r in (*replies, again)] == [200, 200, 200]
    assert {r.json["registration_id"] for r in replies} == {str(registration_id)}
    assert all("enrollment_id" not in r.json for r in replies)
    history = team.get(f"/audit/streams/{registration_id}")
    listing = team.get(f"/registrations?state={state}")
    assert (history.status_code, listing.status_code) == (200, 200)
    text = history.get_data(as_text=True) + listing.get_data(as_text=True)
    text += every_table_text(services.settings)
    secrets = (*CONTACT.values(), FURTHER["name"], FURTHER["email"])
    assert [secret for secret in secrets if secret in text] == []
    assert "PersonalDataErased" in history.get_data(as_text=True)
    [row] = [r for r in listing.json if r["registration_id"] == str(registration_id)]
    assert all(p["email"] == "erased" for p in row["people"])
    if state == "awaiting-confirmation":
        assert [p["name"] for p in row["people"]] == ["erased", "erased"]
    registration = services.app.registration(registration_id)
    assert all(p.person.is_erased for p in registration.people)
    assert auditor.get("/audit/verify").json["ok"] is True


def test_a_person_no_one_holds_is_not_found(team: ApiClient, series: dict[str, Any]) -> None:
    reply = team.post("/participants/00000000-0000-4000-8000-000000000001/erasure")
    assert reply.status_code == 404
