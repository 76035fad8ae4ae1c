"""A store whose catalogue tables are of an older shape is brought to the new one on start.

The catalogue gained a table of dated facts; a store written before it has the other
tables and a position. Opening it again starts the catalogue from empty tables at 0 and
catches it up from the log, so the days' answers hold without a manual rebuild.
"""

from __future__ import annotations

from datetime import date

from peerlearning.bootstrap import bootstrap
from projections.catalogue.tables import FACTS
from projections.table_shape import columns_in_store
from store.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.samples import announce, at, schedule

KICKOFF = date(2024, 10, 8)


def test_an_older_shape_of_the_catalogue_is_rebuilt_from_the_log(
    store_url: str, clock: FakeClock
) -> None:
    services = bootstrap(store_settings(store_url), clock=clock)
    try:
        series_id = announce(services.app)
        kickoff = schedule(services.app, series_id, "kickoff", KICKOFF)
        clock.set(at(KICKOFF, 13))
        services.app.mark_meeting_held(series_id, kickoff, actor="anna")
        with services.db.transaction(write=True) as tx:  # as a store from before the facts
            tx.execute(f"DROP TABLE {FACTS.name}")
    finally:
        services.close()

    reopened = bootstrap(store_settings(store_url), clock=clock)
    try:
        with reopened.db.transaction() as tx:
            assert columns_in_store(tx, FACTS) == set(FACTS.columns)
        before = reopened.views.series_detail(series_id, on=date(2024, 10, 7))
        held = reopened.views.series_detail(series_id, on=KICKOFF)
        assert before is not None and held is not None
        assert [m["state"] for m in before["meetings"]] == ["scheduled"]
        assert [m["state"] for m in held["meetings"]] == ["held"]
        assert reopened.projector.position() == reopened.app.recorder.max_notification_id()
    finally:
        reopened.close()
