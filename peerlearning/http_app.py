"""The whole HTTP service: the API and the public page on one set of services."""

from __future__ import annotations

from typing import Any

from flask import Flask

from api.app import build_app
from peerlearning.bootstrap import bootstrap
from store.settings import store_settings
from web import (
    calendar_views,
    decline_pages,
    registration_pages,
    report_views,
    self_service_pages,
    views,
)

PAGES = (
    views.blp,
    calendar_views.blp,
    report_views.blp,
    registration_pages.blp,
    decline_pages.blp,
    self_service_pages.blp,
)


def create_app(config: dict[str, Any] | None = None, services: Any = None) -> Flask:
    """The app on `services`, or on the store the config (or the environment) names."""
    config = config or {}
    if services is None:
        services = bootstrap(store_settings(config.get("PEERLEARNING_DATABASE_URL")))
    return build_app(services, config, PAGES)
