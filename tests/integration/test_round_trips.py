"""How often one command waits for PostgreSQL, and how many statements it sends.

Counted from libpq's protocol trace of every connection, not timed: the write path's cost on
a server across a network is mostly its round trips. The bounds are what the write path
needs today (see docs/performance.md); a change that adds a round trip fails here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest

from peerlearning.bootstrap import Services, bootstrap
from peerlearning.settings import store_settings
from tests.support.samples import announce, at, municipality
from tests.support.stores import postgres_schema
from tests.support.wire import Traffic, Wire

ROUND_TRIPS = {"schedule_meeting": 12, "join": 12}
STATEMENTS = {"schedule_meeting": 30, "join": 30}
FIRST_DAY = date(2024, 10, 7)


@pytest.fixture
def wired(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Services, Wire]]:
    with postgres_schema() as url, Wire().installed(monkeypatch) as wire:
        services = bootstrap(store_settings(url))
        try:
            yield services, wire
        finally:
            services.close()


def per_command(
    wire: Wire,
    command: Callable[[int], object],
    times: int = 4,
) -> Traffic:
    command(0)  # the aggregate is cached and the statements prepared, as in a running process
    with wire.traced() as traffic:
        for n in range(1, times + 1):
            command(n)
    traffic.round_trips //= times
    traffic.statements //= times
    return traffic


def commands(services: Services) -> dict[str, Callable[[int], object]]:
    app = services.app
    series_id = announce(app, capacity=5)
    enrollment_id, _ = app.enrol(series_id, municipality(), "Ute Kühn", "ute@x.example", "ben")

    def schedule(n: int) -> object:
        day = FIRST_DAY + timedelta(days=n)
        return app.schedule_meeting(series_id, "exchange", at(day, 10), at(day, 11), "virtual", "t")

    def join(n: int) -> object:
        return app.join(enrollment_id, f"Person {n}", f"p{n}@x.example", "ben")

    return {"schedule_meeting": schedule, "join": join}


def test_a_command_waits_for_postgresql_a_bounded_number_of_times(
    wired: tuple[Services, Wire],
) -> None:
    services, wire = wired
    for name, command in commands(services).items():
        traffic = per_command(wire, command)
        print(f"{name}: {traffic.round_trips} round trips, {traffic.statements} statements")
        for statement in traffic.sql[: len(traffic.sql) // 4 + 1]:
            print("   ", statement[:150])
        assert 0 < traffic.round_trips <= ROUND_TRIPS[name], name
        assert 0 < traffic.statements <= STATEMENTS[name], name
