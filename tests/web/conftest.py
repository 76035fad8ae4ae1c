"""The demo catalogue (shared `demo_services`) behind the real Flask app."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.support.demo_store import DEMO_NOW


@pytest.fixture
def demo(demo_services: Services) -> Services:
    return demo_services


@pytest.fixture
def client(demo_services: Services) -> FlaskClient:
    return create_app({"TESTING": True}, demo_services).test_client()


def personal_data(services: Services) -> set[str]:
    """Every name and e-mail of a person the store knows: none may be published."""
    items, _ = services.views.catalogue(on=DEMO_NOW.date(), per_page=100)
    found: set[str] = set()
    for item in items:
        for enrollment in services.views.roster(item["id"]):
            people: list[dict[str, Any]] = [enrollment["contact"], *enrollment["participants"]]
            found |= {p["name"] for p in people} | {p["email"] for p in people}
    return found
