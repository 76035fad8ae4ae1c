"""The catalogue's rules in SQL equal their Python spelling, on both stores.

For generated series (start, end, kickoff, closing and withdrawal days, titles, topics and
regions with cases, spaces and LIKE's special characters) and a generated day and filter,
the live catalogue's page holds the series the replayed catalogue's filter keeps, in the
replayed catalogue's order, each with the status `status_on` gives.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.catalogue_filter import matches
from audit.series_shape import catalogue_order
from domain.clock import PROGRAMME_TIMEZONE
from domain.day_facts import ALWAYS, Fact, FactKind
from domain.status import SeriesStatus, status_on
from domain.values import SeriesDetails
from peerlearning.bootstrap import Services
from projections.catalogue.columns import details_columns
from projections.catalogue.facts import fact_row
from projections.catalogue.queries import CatalogueQueries
from projections.catalogue.tables import CATALOGUE, FACTS
from projections.rows import encode_row, upsert_sql
from projections.view import iso_day
from store.db import ViewDb

DAY = date(2025, 6, 1)
TEXT = st.text(alphabet="aAäÄß _%!|-", min_size=1, max_size=6)
days = st.integers(-20, 20).map(lambda n: DAY + timedelta(days=n))
maybe_days = st.none() | days


@st.composite
def series(draw: st.DrawFn) -> dict[str, Any]:
    details = SeriesDetails(
        title=draw(TEXT),
        host=draw(TEXT),
        summary=draw(TEXT),
        topics=tuple(draw(st.lists(TEXT, max_size=3))),
        scope="national",
        regions=tuple(draw(st.lists(TEXT, max_size=2))),
        format=draw(st.sampled_from(["virtual", "hybrid", "on_site"])),
        location=None,
        starts_on=draw(days),
        ends_on=draw(maybe_days),
        planned_meetings=4,
        capacity=None,
        agenda_url=None,
        contact_email="team@example.org",
    )
    return {
        "id": uuid4(),
        "details": details,
        "kickoff_held_on": draw(maybe_days),
        "closed_on": draw(maybe_days),
        "withdrawn_on": draw(maybe_days),
    }


def near(texts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A filter text: as given, in another case or with spaces around it."""
    return st.one_of(texts, texts.map(str.upper), texts.map(lambda t: f" {t} "))


@st.composite
def filters(draw: st.DrawFn, catalogue: list[dict[str, Any]]) -> dict[str, Any]:
    named = [s["details"] for s in catalogue]
    topics = [t for d in named for t in d.topics] or ["none"]
    regions = [r for d in named for r in d.regions] or ["none"]
    words = [d.title for d in named] + [d.summary[1:] for d in named] or ["none"]
    return {
        "status": draw(st.none() | st.sampled_from([s.value for s in SeriesStatus])),
        "topic": draw(st.none() | near(st.sampled_from(topics)) | TEXT),
        "region": draw(st.none() | near(st.sampled_from(regions)) | TEXT),
        "format": draw(st.none() | st.sampled_from(["virtual", "hybrid", "on_site"])),
        "q": draw(st.none() | near(st.sampled_from(words)) | TEXT),
    }


@pytest.fixture
def db(services: Services) -> ViewDb:
    return services.db


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), catalogue=st.lists(series(), max_size=8), on=days)
def test_the_live_catalogue_filters_orders_and_states_as_the_replayed_one(
    db: ViewDb, data: st.DataObject, catalogue: list[dict[str, Any]], on: date
) -> None:
    chosen = data.draw(filters(catalogue))
    stored(db, catalogue)
    items, total = CatalogueQueries(db).catalogue(on, per_page=100, **chosen)
    replayed = sorted((item_of(s, on) for s in catalogue), key=catalogue_order)
    expected = [item for item in replayed if matches(item, **chosen)]
    assert [(i["id"], i["status"]) for i in items] == [(i["id"], i["status"]) for i in expected]
    assert total == len(expected)


def item_of(series: dict[str, Any], on: date) -> dict[str, Any]:
    """The fields the replayed catalogue's order and filter read, as `series_item` gives."""
    d: SeriesDetails = series["details"]
    status = status_on(
        on, d.starts_on, series["kickoff_held_on"], series["closed_on"], series["withdrawn_on"]
    )
    return {
        "id": series["id"],
        "title": d.title,
        "host": d.host,
        "summary": d.summary,
        "topics": list(d.topics),
        "regions": list(d.regions),
        "format": d.format,
        "starts_on": d.starts_on,
        "ends_on": d.ends_on,
        "status": status.value,
    }


def stored(db: ViewDb, catalogue: list[dict[str, Any]]) -> None:
    """The series as the catalogue view keeps them, replacing those of the last example."""
    rows = [row_of(s) for s in catalogue]
    facts = [fact for s in catalogue for fact in fact_rows(s)]
    with db.transaction(write=True) as tx:
        tx.execute(f"DELETE FROM {CATALOGUE.name}")
        tx.execute(f"DELETE FROM {FACTS.name}")
        tx.executemany(upsert_sql(CATALOGUE), [encode_row(CATALOGUE, r) for r in rows])
        tx.executemany(upsert_sql(FACTS), [encode_row(FACTS, r) for r in facts])


def fact_rows(series: dict[str, Any]) -> list[dict[str, Any]]:
    """The dated facts behind the series' days: a kickoff scheduled and held, its end."""
    facts = []
    kickoff_on = series["kickoff_held_on"]
    if kickoff_on is not None:
        starts_at = datetime.combine(kickoff_on, time(10), tzinfo=PROGRAMME_TIMEZONE)
        facts += [
            Fact(
                ALWAYS,
                FactKind.SCHEDULED,
                "k",
                starts_at,
                starts_at + timedelta(hours=2),
                "kickoff",
                1,
            ),
            Fact(kickoff_on, FactKind.HELD, "k"),
        ]
    for kind, column in ((FactKind.CLOSED, "closed_on"), (FactKind.WITHDRAWN, "withdrawn_on")):
        if series[column] is not None:
            facts.append(Fact(series[column], kind))
    series_id = str(series["id"])
    return [
        fact_row(f"{series_id}.{position}", series_id, position, fact)
        for position, fact in enumerate(facts, start=1)
    ]


def row_of(series: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {c: None for c in CATALOGUE.columns}
    row.update(details_columns(series["details"]))
    row.update(
        id=str(series["id"]),
        kickoff_held_on=iso_day(series["kickoff_held_on"]),
        closed_on=iso_day(series["closed_on"]),
        withdrawn_on=iso_day(series["withdrawn_on"]),
        joining_open=1,
        admitted_ids=[],
        waitlist_ids=[],
        version=1,
    )
    return row
