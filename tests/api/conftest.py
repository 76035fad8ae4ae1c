"""The API over Flask's test client, on the same real stores as every other test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services, bootstrap
from peerlearning.http_app import create_app
from store.settings import store_settings
from tests.api.client import AUDITOR, TEAM, TOKENS, ApiClient
from tests.support.clock import FakeClock
from tests.support.json_log import json_log  # noqa: F401  (a fixture)


@pytest.fixture
def services(store_url: str, clock: FakeClock) -> Iterator[Services]:
    built = bootstrap(store_settings(store_url), clock)
    yield built
    built.close()


@pytest.fixture
def flask_app(services: Services) -> Flask:
    return create_app({"TESTING": True, "PEERLEARNING_TOKENS": TOKENS}, services=services)


@pytest.fixture
def client(flask_app: Flask) -> FlaskClient:
    return flask_app.test_client()


@pytest.fixture
def team(client: FlaskClient) -> ApiClient:
    return ApiClient(client, TEAM)


@pytest.fixture
def auditor(client: FlaskClient) -> ApiClient:
    return ApiClient(client, AUDITOR)


@pytest.fixture
def series(team: ApiClient) -> dict[str, Any]:
    """A virtual thematic series starting 2024-10-01; the clock stands at 2024-09-20."""
    return team.announce().json  # type: ignore[no-any-return]
