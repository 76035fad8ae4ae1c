"""Schemathesis on the in-process app: no 5xx, and every answer matches the document."""

from __future__ import annotations

import traceback
from typing import Any

import pytest
import schemathesis
from flask import Flask

from peerlearning.bootstrap import Services
from tests.api.client import TEAM
from tests.reliability.figures import record
from tests.reliability.fuzzing import Tally, fuzz_operation, operations
from tests.security.world import World

AS_TEAM = {"Authorization": f"Bearer {TEAM}"}


def fuzz(flask_app: Flask, world: World, headers: dict[str, str], examples: int) -> Tally:
    schema = schemathesis.openapi.from_wsgi("/openapi.json", flask_app)
    tally = Tally()
    for operation in operations(schema):
        fuzz_operation(
            operation, world.path_values(), lambda c: c.call(headers=headers), tally, examples
        )
    return tally


@pytest.mark.parametrize(("who", "headers"), [("team", AS_TEAM), ("public", {})])
def test_a_short_fuzz_finds_no_server_error(
    flask_app: Flask, world: World, who: str, headers: dict[str, str]
) -> None:
    tally = fuzz(flask_app, world, headers, examples=3 if who == "team" else 2)

    assert tally.server_errors == 0
    assert tally.requests >= 60


@pytest.mark.heavy
@pytest.mark.parametrize(("who", "headers"), [("team", AS_TEAM), ("public", {})])
def test_a_long_fuzz_finds_no_server_error(
    flask_app: Flask, world: World, store_url: str, who: str, headers: dict[str, str]
) -> None:
    tally = fuzz(flask_app, world, headers, examples=20)

    record(
        "fuzz in-process",
        store=store_url.split(":")[0],
        who=who,
        requests=tally.requests,
        server_errors=tally.server_errors,
    )
    assert tally.server_errors == 0


def broken(*_: Any) -> int:
    raise RuntimeError("deliberately broken for this test")


def test_the_fuzzer_notices_a_server_error(
    flask_app: Flask, world: World, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services.projector, "health", broken)
    schema = schemathesis.openapi.from_wsgi("/openapi.json", flask_app)
    health = next(op for op in operations(schema) if op.path == "/health")

    with pytest.raises(BaseException) as caught:
        fuzz_operation(health, {}, lambda case: case.call(), Tally(), examples=2)

    assert "Server error" in "".join(traceback.format_exception(caught.value))
