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
from store import view_pool
from store.settings import store_settings
from tests.support.samples import announce, at, municipality
from tests.support.stores import postgres_schema
from tests.support.wire import Traffic, Wire

# Per command: each aggregate it loads, fast-forwarded from the store (1; a join loads the
# enrolment and its series); a new person's key looked up (join: 1); in the transaction, the
# events' insert with the chain's head, the views' positions and their rows read ahead (1), a
# row found through another (join: 1), and COMMIT with the rows (1).
ROUND_TRIPS = {"schedule_meeting": 3, "join": 7}
STATEMENTS = {"schedule_meeting": 25, "join": 34}  # grows by a few with each view kept inline
# (join: +1 since the catalogue keeps the dated fact of each participant joining)
FIRST_DAY = date(2024, 10, 7)
WARM_UP, RUNS = 12, 4


@pytest.fixture
def wired(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Services, Wire]]:
    with postgres_schema() as url, Wire().installed(monkeypatch) as wire:
        services = bootstrap(store_settings(url))
        try:
            yield services, wire
        finally:
            services.close()


def per_command(wire: Wire, command: Callable[[int], object]) -> Traffic:
    """The least traffic of a few runs: a statement prepared on a connection for the first
    time, or the key cache's periodic check, adds a round trip to some commands only."""
    for n in range(WARM_UP):  # the aggregate cached, each pooled connection's statements known
        command(n)
    runs = []
    for n in range(WARM_UP, WARM_UP + RUNS):
        with wire.traced() as traffic:
            command(n)
        runs.append(traffic)
    return min(runs, key=lambda t: (t.round_trips, t.statements))


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
        sent = "\n".join(traffic.sql)
        assert 0 < traffic.round_trips <= ROUND_TRIPS[name], f"{name}: {traffic}\n{sent}"
        assert 0 < traffic.statements <= STATEMENTS[name], f"{name}: {traffic}\n{sent}"


def test_a_read_of_the_views_waits_for_postgresql_once(wired: tuple[Services, Wire]) -> None:
    """The views' connections commit each statement by themselves (no BEGIN or COMMIT), and
    one lent again moments after it came back is not checked with a query of its own."""
    services, wire = wired
    announce(services.app)
    reads = []
    for _ in range(RUNS):
        with wire.traced() as traffic:
            services.views.position()
        reads.append(traffic)
    least = min(reads, key=lambda t: t.round_trips)
    assert least.round_trips == 1, f"{least}\n" + "\n".join(least.sql)
    assert least.statements == 1, f"{least}\n" + "\n".join(least.sql)


def test_a_connection_rested_in_the_pool_is_checked_before_a_read(
    wired: tuple[Services, Wire], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a restart of the server may have broken is found out before a read uses it."""
    services, wire = wired
    monkeypatch.setattr(view_pool, "IDLE_BEFORE_CHECK", 0.0)  # every connection has rested
    with wire.traced() as traffic:
        services.views.position()
    assert traffic.round_trips == 2, f"{traffic}\n" + "\n".join(traffic.sql)
    assert traffic.sql[0] == '""', traffic.sql  # the check: an empty query
