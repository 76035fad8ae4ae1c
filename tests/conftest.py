"""Fixtures: every behavioural test runs on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.core import storage

from application.app import PeerLearningApp
from peerlearning.bootstrap import Services, bootstrap, open_application
from runtime.log_format import unconfigure_logging
from store.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.demo_store import demo_services  # noqa: F401 (shared by several areas)
from tests.support.scratch import SCRATCH
from tests.support.stores import postgres_schema, sqlite_url


def pytest_configure(config: pytest.Config) -> None:
    """Nothing is written into the working tree: Hypothesis's and Schemathesis's example
    stores and the screenshots go to a scratch folder of this run."""
    set_hypothesis_home_dir(SCRATCH / "hypothesis")
    storage.DEFAULT_ROOT = SCRATCH / "schemathesis"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(store_url: str, clock: FakeClock) -> Iterator[PeerLearningApp]:
    application = open_application(store_settings(store_url), clock=clock)
    yield application
    application.close()


@pytest.fixture
def services(store_url: str, clock: FakeClock) -> Iterator[Services]:
    """The whole composition root on a real store: commands, projector, views."""
    built = bootstrap(store_settings(store_url), clock=clock)
    yield built
    built.close()


@pytest.fixture(autouse=True)
def logging_left_as_found() -> Iterator[None]:
    """A command run in-process sets up the service's logging; the next test starts without it."""
    level = logging.getLogger().level
    yield
    unconfigure_logging()
    logging.getLogger().setLevel(level)
