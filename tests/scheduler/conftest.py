"""Fixtures: the reminder service on both stores with a fake clock and a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from application.links import Links
from peerlearning.bootstrap import Services
from scheduler.dispatch_queries import DispatchQueries
from scheduler.service import ReminderService, build_service
from scheduler.settings import ReminderSettings, reminder_settings
from tests.scheduler.scenario import PUBLIC_URL, Scenario, series_with
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.json_log import json_log  # noqa: F401  (a fixture)


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    server = SmtpSink().start()
    yield server
    server.stop()


@pytest.fixture
def reminder_env(sink: SmtpSink) -> dict[str, str]:
    return dict(sink.env)


@pytest.fixture
def settings(reminder_env: dict[str, str]) -> ReminderSettings:
    return reminder_settings(reminder_env)


@pytest.fixture
def reminders(services: Services, settings: ReminderSettings) -> Iterator[ReminderService]:
    service = build_service(services.app, services.views, services.db, settings, owner="test")
    yield service
    service.close()


@pytest.fixture
def links(services: Services) -> Links:
    links = services.links
    links.public_url = PUBLIC_URL
    return links


@pytest.fixture
def mails(
    services: Services, settings: ReminderSettings, links: Links
) -> Iterator[ReminderService]:
    """The reminder service with the registrations', seats' and series' mails."""
    service = build_service(
        services.app, services.views, services.db, settings, owner="test", links=links
    )
    yield service
    service.close()


@pytest.fixture
def dispatches(services: Services) -> DispatchQueries:
    return DispatchQueries(services.db)


@pytest.fixture
def scenario(services: Services) -> Scenario:
    return series_with(services.app)
