# mypy: disable-error-code="index"
"""Every 409 the API answers is documented for its operation, as a problem."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.api.client import PROBLEM, ApiClient
from tests.api.test_registrations_api import confirm, register


def assert_documented_conflict(
    client: FlaskClient, response: TestResponse, method: str, path: str
) -> None:
    assert response.status_code == 409 and response.mimetype == PROBLEM, response.json
    operation = client.get("/openapi.json").json["paths"][path][method]
    assert "409" in operation["responses"], (method, path)


def test_a_registration_accepted_twice_or_declined_once_accepted_is_a_documented_409(
    client: FlaskClient, flask_app: Flask, team: ApiClient, series: dict[str, Any]
) -> None:
    registration_id = register(client, series).json["id"]
    confirm(client, flask_app, registration_id)
    assert team.post(f"/registrations/{registration_id}/accept").status_code == 200

    again = team.post(f"/registrations/{registration_id}/accept")
    declined = team.post(f"/registrations/{registration_id}/decline", {"reason": "Zu spät."})
    confirmed = confirm(client, flask_app, registration_id)

    assert_documented_conflict(client, again, "post", "/registrations/{registration_id}/accept")
    assert_documented_conflict(client, declined, "post", "/registrations/{registration_id}/decline")
    assert_documented_conflict(client, confirmed, "post", "/registrations/confirmation")


def test_a_taken_or_reserved_token_name_and_a_second_revocation_are_documented_409s(
    client: FlaskClient, team: ApiClient
) -> None:
    assert team.post("/tokens", {"name": "erik", "role": "auditor"}).status_code == 201

    taken = team.post("/tokens", {"name": "erik", "role": "auditor"})
    reserved = team.post("/tokens", {"name": "public", "role": "auditor"})
    assert team.delete("/tokens/erik").status_code == 200
    revoked_again = team.delete("/tokens/erik")

    assert_documented_conflict(client, taken, "post", "/tokens")
    assert_documented_conflict(client, reserved, "post", "/tokens")
    assert reserved.json["type"] == "urn:peerlearning:problem:token-name-reserved"
    assert_documented_conflict(client, revoked_again, "delete", "/tokens/{name}")
