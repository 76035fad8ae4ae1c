"""The demo catalogue loaded once per test session and store, shared read-only.

Loading writes a few hundred events, so every area that only reads the demo shares this.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from demo.catalogue import load_demo
from peerlearning.bootstrap import Services, bootstrap
from store.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.stores import postgres_schema, sqlite_url

DEMO_NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def open_services(store_url: str, now: datetime) -> Services:
    return bootstrap(store_settings(store_url), clock=FakeClock(now))


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def demo_services(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Services]:
    """Read-only: the demo as loaded at DEMO_NOW; tests must not write to it."""
    if request.param == "sqlite":
        yield from _loaded(sqlite_url(tmp_path_factory.mktemp("demo")))
    else:
        with postgres_schema() as url:
            yield from _loaded(url)


def _loaded(store_url: str) -> Iterator[Services]:
    services = open_services(store_url, DEMO_NOW)
    load_demo(services)
    yield services
    services.close()
