"""The API in-process on both stores, the seeded world, and a team and public client."""

from __future__ import annotations

import pytest
from flask import Flask

from peerlearning.bootstrap import Services
from tests.api.client import TEAM, ApiClient
from tests.security.conftest import make_app
from tests.security.world import World, build_world


@pytest.fixture
def flask_app(services: Services) -> Flask:
    return make_app(services)


@pytest.fixture
def world(flask_app: Flask) -> World:
    return build_world(ApiClient(flask_app.test_client(), TEAM))
