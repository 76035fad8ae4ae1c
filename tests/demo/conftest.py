"""The demo catalogue (shared `demo_services`) and the moments the tests load it at."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from peerlearning.bootstrap import Services
from tests.support.demo_store import DEMO_NOW, open_services

AFTER_THE_PAGE = DEMO_NOW
SEED_DAY_MORNING = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)

__all__ = ["AFTER_THE_PAGE", "SEED_DAY_MORNING", "open_services"]


@pytest.fixture
def demo(demo_services: Services) -> Services:
    return demo_services
