"""Tokens never reach the logs; bodies are size-limited and nested JSON is refused early."""

from __future__ import annotations

import logging

import pytest
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from tests.api.client import AUDITOR, PROBLEM, TEAM, ApiClient, announce_body
from tests.security.world import BAD_TOKEN, World

TOKENS_USED = (TEAM, AUDITOR, BAD_TOKEN)


def broken_health(*_: object) -> list[object]:
    raise RuntimeError("the views' position could not be read")


def test_tokens_never_appear_in_the_logs(
    client: FlaskClient,
    world: World,
    services: Services,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services.projector, "health", broken_health)
    with caplog.at_level(logging.DEBUG):
        for token in TOKENS_USED:
            api = ApiClient(client, token)
            assert api.get("/health").status_code == 500
            api.post("/peer-learnings", announce_body(title="Protokollierte Reihe"))
            api.get("/audit/verify")
            api.post("/peer-learnings", {"title": 1})
            api.get(world.fill("/enrollments/{enrollment_id}"))
            api.post(world.fill("/enrollments/{enrollment_id}/reject"), {"reason": "x" * 3000})
            api.call("POST", "/peer-learnings", headers={"Authorization": f"Basic {token}"})

    assert any(r.exc_info for r in caplog.records), "the 500s should have been logged"
    for record in caplog.records:
        text = record.getMessage() + str(record.args) + str(record.exc_info or "")
        assert not [t for t in TOKENS_USED if t in text], record.name


def test_problems_never_echo_the_token(client: FlaskClient) -> None:
    response = ApiClient(client, BAD_TOKEN).post("/peer-learnings", announce_body())

    assert response.status_code == 401
    assert BAD_TOKEN not in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/peer-learnings", "/model-projects"])
def test_a_body_over_64_kib_is_413(team: ApiClient, path: str) -> None:
    body = announce_body(summary="ä" * 40_000)

    response = team.post(path, body)

    assert response.status_code == 413
    assert response.mimetype == PROBLEM


def test_a_large_body_without_a_token_is_refused_before_it_is_read(client: FlaskClient) -> None:
    response = client.post("/peer-learnings", data="x" * 200_000, content_type="application/json")

    assert response.status_code in (401, 413)
    assert response.mimetype == PROBLEM


def test_deeply_nested_json_is_400_not_a_crash(team: ApiClient) -> None:
    body = "[" * 5000 + "]" * 5000

    response = team.call(
        "POST", "/peer-learnings", data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert "nested" in response.json["detail"]
