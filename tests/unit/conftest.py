"""The unit tier: pure logic, with no store, server or process; the folder runs in about a
second (`make test-unit`). A test here that asks for a store fails and says where it belongs."""

from __future__ import annotations

import pytest

MISPLACED = "unit tests take no store: move this test to the folder of its area"


@pytest.fixture
def store_url() -> None:
    pytest.fail(MISPLACED)


@pytest.fixture
def demo_services() -> None:
    pytest.fail(MISPLACED)
