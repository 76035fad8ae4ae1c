"""The API in-process on both stores, with tokens, rate limiting off unless a test wants it."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.api.client import AUDITOR, TEAM, TOKENS, ApiClient
from tests.security.world import BAD_TOKEN, World, build_world

CALLERS = {"none": None, "bad": BAD_TOKEN, "auditor": AUDITOR, "team": TEAM}


def make_app(services: Services, **config: Any) -> Flask:
    settings = {"TESTING": True, "PEERLEARNING_TOKENS": TOKENS, "PEERLEARNING_RATE_LIMIT": "off"}
    return create_app({**settings, **config}, services=services)


@pytest.fixture
def client(services: Services) -> FlaskClient:
    return make_app(services).test_client()


@pytest.fixture
def team(client: FlaskClient) -> ApiClient:
    return ApiClient(client, TEAM)


@pytest.fixture
def world(team: ApiClient) -> World:
    return build_world(team)
