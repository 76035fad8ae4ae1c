"""Schemathesis against the real server process over HTTP, with a team token and without;
then every documented query bound probed on both sides over the same connection."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis

from tests.api.client import TEAM, ApiClient
from tests.api.query_bounds import REQUIRED_PARAMETERS, mismatches, probes
from tests.reliability.figures import record
from tests.reliability.fuzzing import Tally, fuzz_operation, operations
from tests.reliability.http import HttpClient, served, store_for
from tests.security.world import build_world


@pytest.mark.heavy
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_the_real_server_gives_no_server_error(tmp_path: Path, kind: str) -> None:
    with store_for(kind, tmp_path) as store_url, served(store_url) as server:
        team = ApiClient(HttpClient(server.url), TEAM)  # type: ignore[arg-type]
        world = build_world(team)
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
        bounds = probes(team.get("/openapi.json").json, world)
        wrong_at_the_bounds = mismatches(team, bounds)

    record(
        "fuzz over HTTP",
        store=kind,
        requests=tally.requests,
        server_errors=tally.server_errors,
        query_bound_probes=len(bounds),
    )
    assert tally.server_errors == 0
    assert REQUIRED_PARAMETERS <= {name for _, name, _, _ in bounds}
    assert wrong_at_the_bounds == []
