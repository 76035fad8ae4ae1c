"""Bearer tokens: who may do what, and whose name the events carry."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from flask.testing import FlaskClient

from api.auth import parse_tokens
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from runtime.errors import SettingError
from tests.api.client import AUDITOR, PROBLEM, TEAM, ApiClient, announce_body


@pytest.mark.parametrize(
    "text",
    ["anna:team", "anna:admin:long-enough-token", ":team:long-enough-token", "anna:team:short"],
)
def test_malformed_token_settings_are_refused_without_echoing_the_token(text: str) -> None:
    with pytest.raises(SettingError) as refused:
        parse_tokens(text)

    assert "entry 1" in str(refused.value)
    assert "long-enough-token" not in str(refused.value)


def test_token_settings_give_names_and_roles() -> None:
    members = parse_tokens(" anna:team:aaaaaaaa1 , paul:auditor:bbbbbbbb2 ,")

    assert [(m.name, m.role) for m in members] == [("anna", "team"), ("paul", "auditor")]
    assert "aaaaaaaa1" not in repr(members)


def test_create_app_refuses_broken_tokens(services: Services) -> None:
    with pytest.raises(SettingError):
        create_app({"PEERLEARNING_TOKENS": "anna:boss:0123456789"}, services=services)


@pytest.mark.parametrize(
    "authorization", [None, "Bearer", "Basic YW5uYTpzZWNyZXQ=", "Bearer not-a-known-token"]
)
def test_writes_without_a_known_token_are_401_with_a_challenge(
    client: FlaskClient, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}

    response = client.post("/peer-learnings", json=announce_body(), headers=headers)

    assert response.status_code == 401
    assert response.mimetype == PROBLEM
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_auth_comes_before_the_body_is_checked(client: FlaskClient) -> None:
    response = client.post("/peer-learnings", json={"nonsense": True})

    assert response.status_code == 401


def test_an_auditor_may_not_write(auditor: ApiClient) -> None:
    response = auditor.post("/peer-learnings", announce_body())

    assert response.status_code == 403
    assert "team" in response.json["detail"]


def test_public_reads_need_no_token(client: FlaskClient, series: dict[str, Any]) -> None:
    for path in ("/peer-learnings", f"/peer-learnings/{series['id']}", "/health", "/openapi.json"):
        assert client.get(path).status_code == 200, path


def test_the_token_name_is_the_actor_of_the_events(
    team: ApiClient, services: Services, series: dict[str, Any]
) -> None:
    notifications = services.app.notification_log.select(start=1, limit=10)
    events = [services.app.mapper.to_domain_event(n) for n in notifications]

    assert [e.actor for e in events] == ["anna"]


def test_tokens_never_reach_the_log(client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        for token in (TEAM, AUDITOR, "guessed-token-123"):
            client.post(
                "/peer-learnings",
                json=announce_body(),
                headers={"Authorization": f"Bearer {token}"},
            )

    for token in (TEAM, AUDITOR, "guessed-token-123"):
        assert token not in caplog.text
