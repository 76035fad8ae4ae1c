"""Schemathesis against the real server process over HTTP, with a team token and without."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis

from tests.api.client import TEAM, ApiClient
from tests.reliability.figures import record
from tests.reliability.fuzzing import Tally, fuzz_operation, operations
from tests.reliability.http import HttpClient, served, store_for
from tests.security.world import build_world


@pytest.mark.heavy
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_the_real_server_gives_no_server_error(tmp_path: Path, kind: str) -> None:
    with store_for(kind, tmp_path) as store_url, served(store_url) as server:
        world = build_world(ApiClient(HttpClient(server.url), TEAM))  # type: ignore[arg-type]
        schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
        tally = Tally()
        for headers in ({"Authorization": f"Bearer {TEAM}"}, {}):
            for operation in operations(schema):
                fuzz_operation(
                    operation,
                    world.path_values(),
                    lambda case, h=headers: case.call(base_url=server.url, headers=h),
                    tally,
                    examples=8,
                )

    record("fuzz over HTTP", store=kind, requests=tally.requests, server_errors=tally.server_errors)
    assert tally.server_errors == 0
