"""The demo catalogue loaded into a real store, at a fixed "now" after the seed page.

Loading takes a few seconds, so read-only tests share one load per store and module.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from peerlearning.bootstrap import Services, bootstrap
from peerlearning.demo import load_demo
from peerlearning.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.stores import postgres_schema, sqlite_url

AFTER_THE_PAGE = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
SEED_DAY_MORNING = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)


def open_services(store_url: str, now: datetime) -> Services:
    return bootstrap(store_settings(store_url), clock=FakeClock(now))


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def shared_store_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path_factory.mktemp("demo"))
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture(scope="module")
def demo(shared_store_url: str) -> Iterator[Services]:
    """Read-only: the demo as loaded on AFTER_THE_PAGE; tests must not write to it."""
    services = open_services(shared_store_url, AFTER_THE_PAGE)
    load_demo(services)
    yield services
    services.close()
