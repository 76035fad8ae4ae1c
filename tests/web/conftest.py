"""The demo catalogue behind the real Flask app, shared per store and module (read-only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask.testing import FlaskClient

from api.app import create_app
from peerlearning.bootstrap import Services
from peerlearning.demo import load_demo
from tests.demo.conftest import AFTER_THE_PAGE, open_services, shared_store_url  # noqa: F401


@pytest.fixture(scope="module")
def demo(shared_store_url: str) -> Iterator[Services]:  # noqa: F811
    services = open_services(shared_store_url, AFTER_THE_PAGE)
    load_demo(services)
    yield services
    services.close()


@pytest.fixture(scope="module")
def client(demo: Services) -> FlaskClient:
    return create_app({"TESTING": True}, demo).test_client()


def personal_data(services: Services) -> set[str]:
    """Every name and e-mail of a person the store knows: none may be published."""
    items, _ = services.views.catalogue(on=AFTER_THE_PAGE.date(), per_page=100)
    found: set[str] = set()
    for item in items:
        for enrollment in services.views.roster(item["id"]):
            people: list[dict[str, Any]] = [enrollment["contact"], *enrollment["participants"]]
            found |= {p["name"] for p in people} | {p["email"] for p in people}
    return found
