# mypy: disable-error-code="index, union-attr, arg-type"
"""Municipalities register themselves over HTTP; the contact confirms; the team reviews."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api.registration_links import confirmation_token
from tests.api.client import ApiClient
from tests.support.clock import FakeClock


def registration_body(
    name: str = "Stadt Arnsberg", key: str | None = "05958004", locale: str = "de", **more: Any
) -> dict[str, Any]:
    return {
        "municipality": {"name": name, "key": key, **more},
        "contact": {"name": "Petra Kontakt", "email": "petra@arnsberg.example", "locale": locale},
        "participants": [{"name": "Ida Neu", "email": "ida@arnsberg.example", "locale": "en"}],
        "consent": True,
    }


def register(client: FlaskClient, series: dict[str, Any], **kwargs: Any) -> Any:
    return client.post(
        f"/peer-learnings/{series['id']}/registrations", json=registration_body(**kwargs)
    )


def confirm(
    client: FlaskClient, flask_app: Flask, registration_id: str, submission: int = 1
) -> Any:
    with flask_app.app_context():
        token = confirmation_token(registration_id, submission)  # type: ignore[arg-type]
    return client.post("/registrations/confirmation", json={"token": token})


def test_registering_needs_no_token_and_awaits_confirmation(
    client: FlaskClient, team: ApiClient, series: dict[str, Any]
) -> None:
    response = register(client, series)

    assert response.status_code == 202
    assert response.json["state"] == "awaiting-confirmation"
    listed = team.get("/registrations?state=awaiting-confirmation").json
    assert [r["registration_id"] for r in listed] == [response.json["id"]]
    people = listed[0]["people"]
    assert [(p["email"], p["contact"]) for p in people] == [
        ("petra@arnsberg.example", True),
        ("ida@arnsberg.example", False),
    ]
    assert team.get("/registrations?state=confirmed").json == []


def test_registering_twice_is_one_registration(
    client: FlaskClient, team: ApiClient, series: dict[str, Any]
) -> None:
    first = register(client, series)
    second = register(client, series, name="stadt  arnsberg")

    assert first.json["id"] == second.json["id"]
    assert len(team.get("/registrations").json) == 1


def test_another_contact_for_a_pending_registration_is_refused_without_naming_the_first(
    client: FlaskClient, team: ApiClient, series: dict[str, Any]
) -> None:
    first = register(client, series)
    other = registration_body(locale="en")
    other["contact"] = {"name": "Otto Anders", "email": "otto@other.example", "locale": "en"}

    refused = client.post(f"/peer-learnings/{series['id']}/registrations", json=other)
    same = register(client, series)

    assert refused.status_code == 409
    assert refused.content_type == "application/problem+json"
    assert refused.json["type"].endswith("registration-under-way")
    assert "already under way" in refused.json["detail"]
    assert "programme team" in refused.json["detail"]
    assert "petra" not in refused.get_data(as_text=True).casefold()
    assert same.status_code == 202 and same.json["id"] == first.json["id"]
    [listed] = team.get("/registrations").json
    assert [p["email"] for p in listed["people"]][0] == "petra@arnsberg.example"


def test_consent_is_needed(client: FlaskClient, series: dict[str, Any]) -> None:
    body = registration_body()
    body["consent"] = False

    response = client.post(f"/peer-learnings/{series['id']}/registrations", json=body)

    assert response.status_code == 422


@pytest.mark.parametrize("twice", ["ida@arnsberg.example", "PETRA@arnsberg.example"])
def test_a_person_named_twice_is_refused_with_the_address(
    client: FlaskClient, team: ApiClient, series: dict[str, Any], twice: str
) -> None:
    body = registration_body()
    body["participants"].append({"name": "Noch Mal", "email": twice, "locale": "de"})

    response = client.post(f"/peer-learnings/{series['id']}/registrations", json=body)

    assert response.status_code == 422, response.json
    assert f"{twice} is given twice" in response.json["detail"]
    assert team.get("/registrations").json == []


def test_a_funded_model_project_is_told_politely_in_its_language(
    client: FlaskClient, team: ApiClient, series: dict[str, Any]
) -> None:
    team.post("/model-projects", {"name": "Stadt Ulm", "key": "08421000"})

    german = register(client, series, name="Stadt Ulm", key="08421000")
    english = register(client, series, name="Stadt Ulm", key="08421000", locale="en")

    assert german.status_code == english.status_code == 409
    assert german.json["type"].endswith("registration-model-project")
    assert "Modellprojekt" in german.json["detail"]
    assert "model project" in english.json["detail"]


def test_one_outside_the_region_is_told_politely(client: FlaskClient, team: ApiClient) -> None:
    team.add_region()
    regional = team.announce(scope="regional", regions=["Südwestfalen"]).json

    outside = register(client, regional, name="Stadt Kiel", key="01002000")
    inside = register(client, regional, region="Südwestfalen")

    assert outside.status_code == 409
    assert "Südwestfalen" in outside.json["detail"] and "Stadt Kiel" in outside.json["detail"]
    assert inside.status_code == 202


def test_one_already_enrolled_is_told_politely(
    client: FlaskClient, team: ApiClient, series: dict[str, Any]
) -> None:
    team.enrol(series["id"], "Stadt Arnsberg", key="05958004")

    response = register(client, series, locale="en")

    assert response.status_code == 409
    assert "already enrolled" in response.json["detail"]


def test_opening_the_link_never_confirms_only_the_post_does(
    client: FlaskClient, flask_app: Flask, team: ApiClient, series: dict[str, Any]
) -> None:
    registration_id = register(client, series).json["id"]
    with flask_app.app_context():
        token = confirmation_token(registration_id)  # type: ignore[arg-type]

    opened = client.get(f"/registrations/confirmation?token={token}")
    still = team.get("/registrations?state=awaiting-confirmation").json
    confirmed = client.post("/registrations/confirmation", json={"token": token})
    forged = client.post("/registrations/confirmation", json={"token": token + "x"})

    assert opened.status_code == 405
    assert [r["registration_id"] for r in still] == [registration_id]
    assert confirmed.status_code == 200 and confirmed.json["state"] == "confirmed"
    assert forged.status_code == 400
    assert [r["registration_id"] for r in team.get("/registrations?state=confirmed").json] == [
        registration_id
    ]


def test_the_team_accepts_into_an_enrolment_with_its_people(
    client: FlaskClient, flask_app: Flask, team: ApiClient, series: dict[str, Any]
) -> None:
    registration_id = register(client, series).json["id"]
    unconfirmed = team.post(f"/registrations/{registration_id}/accept")
    confirm(client, flask_app, registration_id)

    accepted = team.post(f"/registrations/{registration_id}/accept")

    assert unconfirmed.status_code == 409
    assert accepted.status_code == 200 and accepted.json["status"] == "admitted"
    enrolment = team.get(f"/enrollments/{accepted.json['enrollment_id']}").json
    assert enrolment["municipality"]["key"] == "05958004"
    assert sorted(p["email"] for p in enrolment["participants"]) == [
        "ida@arnsberg.example",
        "petra@arnsberg.example",
    ]
    assert (
        team.get("/registrations?state=accepted").json[0]["enrollment_id"]
        == (accepted.json["enrollment_id"])
    )


def test_a_full_series_waitlists_the_accepted_registration(
    client: FlaskClient, flask_app: Flask, team: ApiClient
) -> None:
    full = team.announce(capacity=1).json
    team.enrol(full["id"], "Stadt Meschede")
    registration_id = register(client, full).json["id"]
    confirm(client, flask_app, registration_id)

    accepted = team.post(f"/registrations/{registration_id}/accept")

    assert accepted.json["status"] == "waitlisted"


def test_the_team_declines_with_a_reason(
    client: FlaskClient, flask_app: Flask, team: ApiClient, series: dict[str, Any]
) -> None:
    registration_id = register(client, series).json["id"]
    confirm(client, flask_app, registration_id)

    without = team.post(f"/registrations/{registration_id}/decline", {})
    declined = team.post(f"/registrations/{registration_id}/decline", {"reason": "Zu spät."})

    assert without.status_code == 422
    assert declined.status_code == 200 and declined.json["state"] == "declined"
    row = team.get("/registrations?state=declined").json[0]
    assert row["reason"] == "Zu spät."


def test_a_link_confirms_only_the_submission_it_was_mailed_for(
    client: FlaskClient, flask_app: Flask, team: ApiClient, series: dict[str, Any]
) -> None:
    registration_id = register(client, series).json["id"]
    team.post(f"/registrations/{registration_id}/decline", {"reason": "doppelt"})
    register(client, series, locale="en")  # someone else, for the same municipality

    old_link = confirm(client, flask_app, registration_id, submission=1)
    new_link = confirm(client, flask_app, registration_id, submission=2)

    assert old_link.status_code == 409
    assert "earlier submission" in old_link.json["detail"]
    assert new_link.status_code == 200 and new_link.json["state"] == "confirmed"


def test_a_link_confirms_only_within_seven_days(
    client: FlaskClient, flask_app: Flask, clock: FakeClock, series: dict[str, Any]
) -> None:
    registration_id = register(client, series).json["id"]
    clock.advance(timedelta(days=7))

    late = confirm(client, flask_app, registration_id)

    assert late.status_code == 409


def test_a_municipality_whose_enrolment_ended_registers_again(
    client: FlaskClient, flask_app: Flask, team: ApiClient, series: dict[str, Any]
) -> None:
    registration_id = register(client, series).json["id"]
    confirm(client, flask_app, registration_id)
    first = team.post(f"/registrations/{registration_id}/accept").json["enrollment_id"]
    while_enrolled = register(client, series)
    team.post(f"/enrollments/{first}/withdraw", {"reason": "keine Zeit"})

    again = register(client, series)
    confirm(client, flask_app, registration_id, submission=2)
    accepted = team.post(f"/registrations/{registration_id}/accept")

    assert while_enrolled.status_code == 409
    assert again.status_code == 202 and again.json["id"] == registration_id
    assert accepted.status_code == 200 and accepted.json["status"] == "admitted"
    assert accepted.json["enrollment_id"] != first
    assert team.get(f"/enrollments/{first}").json["status"] == "withdrawn"
    enrolment = team.get(f"/enrollments/{accepted.json['enrollment_id']}").json
    assert enrolment["status"] == "admitted" and len(enrolment["participants"]) == 2
