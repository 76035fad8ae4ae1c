"""What every registered view promises: tables of its own, that it writes and reads alone;
the events it needs named in `reads`; rows read ahead keyed by aggregates; rows that do not
depend on how its events were batched or on the other views beside it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerlearning.bootstrap import Services, core_views
from projections.applying import Event
from projections.catalogue.tables import CATALOGUE
from projections.ownership import TablesShared, check_own_tables
from projections.registrations import REGISTRATIONS
from projections.tables import Table
from projections.view import View, view_name
from tests.projections.event_stream import busy_store, logged_events
from tests.projections.view_runs import Contents, run_alone

VIEWS = core_views()
BY_NAME = {view_name(v): v for v in VIEWS}


@dataclass
class Log:
    services: Services
    events: list[Event]


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Log]:
    for services in busy_store(tmp_path_factory.mktemp("busy")):
        yield Log(services, logged_events(services))


def test_the_registered_views_each_declare_tables_no_other_view_declares() -> None:
    check_own_tables(VIEWS)
    names = [t.name for v in VIEWS for t in v.tables]
    assert all(v.tables for v in VIEWS)
    assert len(names) == len(set(names)), names


@dataclass
class Borrowing:
    """A view declaring another view's table."""

    tables: tuple[Table, ...]
    read_ahead: tuple[Table, ...] = ()
    name: str = "borrowing"

    def apply(self, *args: object) -> None:
        return None


def test_a_view_sharing_a_table_or_reading_ahead_one_not_its_own_is_refused() -> None:
    with pytest.raises(TablesShared, match="view_catalogue"):
        check_own_tables([*VIEWS, Borrowing((CATALOGUE,))])
    with pytest.raises(TablesShared, match="view_registrations"):
        check_own_tables([Borrowing((CATALOGUE,), read_ahead=(REGISTRATIONS,))])
    with pytest.raises(TablesShared, match="no tables"):
        check_own_tables([Borrowing(())])


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_a_view_reads_and_writes_only_its_own_tables(name: str, log: Log) -> None:
    view = BY_NAME[name]
    run = run_alone(view, log.events)
    assert any(s.startswith("INSERT INTO") for s in run.statements), "the log reaches it"
    assert run.tables_named() <= {t.name for t in view.tables}


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_a_view_needs_no_event_beyond_those_it_reads(name: str, log: Log) -> None:
    view = BY_NAME[name]
    assert getattr(view, "reads", None), "a rebuild reads only the events a view names"
    assert run_alone(view, log.events, every_event=True).contents == (
        run_alone(view, log.events).contents
    )


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_rows_read_ahead_are_keyed_by_aggregate_ids(name: str, log: Log) -> None:
    view = BY_NAME[name]
    read_ahead: tuple[Table, ...] = getattr(view, "read_ahead", ())
    aggregates = {str(n.originator_id) for n, _ in log.events}
    contents = run_alone(view, log.events).contents
    for table in read_ahead:
        key = table.columns.index(table.key)
        keys = {row[key] for row in contents[table.name]}
        assert keys and keys <= aggregates, table.name


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_a_view_alone_keeps_the_rows_it_keeps_beside_the_others(name: str, log: Log) -> None:
    view = BY_NAME[name]
    assert run_alone(view, log.events).contents == live_contents(log.services, view)


@pytest.mark.parametrize("name", sorted(BY_NAME))
@settings(max_examples=6, deadline=None)
@given(batch_size=st.integers(min_value=1, max_value=40))
def test_a_views_rows_do_not_depend_on_how_its_events_are_batched(
    name: str, log: Log, batch_size: int
) -> None:
    view = BY_NAME[name]
    assert run_alone(view, log.events, batch_size).contents == (
        run_alone(view, log.events).contents
    )


def live_contents(services: Services, view: View) -> Contents:
    with services.db.transaction() as tx:
        return {
            t.name: [tuple(r) for r in tx.fetchall(f"SELECT * FROM {t.name} ORDER BY {t.key}")]
            for t in view.tables
        }
