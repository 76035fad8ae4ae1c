"""The WSGI entry point builds the app from the environment, on either store."""

from __future__ import annotations

import pytest

from api.context import SERVICES
from peerlearning.wsgi import create
from tests.api.client import TEAM, TOKENS, announce_body


def test_create_builds_the_app_from_the_environment(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", store_url)
    monkeypatch.setenv("PEERLEARNING_TOKENS", TOKENS)

    app = create()
    try:
        client = app.test_client()
        created = client.post(
            "/peer-learnings", json=announce_body(), headers={"Authorization": f"Bearer {TEAM}"}
        )
        health = client.get("/health").json
    finally:
        app.extensions[SERVICES].close()

    assert created.status_code == 201
    assert health is not None and health["position"] >= 1
