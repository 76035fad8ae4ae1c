"""The catalogue answers for any day of the programme's calendar, in the seed page's order."""

from __future__ import annotations

from datetime import date, timedelta

from peerlearning.bootstrap import Services
from tests.support.clock import FakeClock
from tests.support.samples import announce, at, schedule


def titles(services: Services, **query: object) -> list[str]:
    items, _ = services.views.catalogue(**query)  # type: ignore[arg-type]
    return [i["title"] for i in items]


def close_early(services: Services, clock: FakeClock, series_id: object, day: date) -> None:
    kickoff = schedule(services.app, series_id, "kickoff", day)
    clock.set(at(day, 11))
    services.app.mark_meeting_held(series_id, kickoff, actor="anna")
    services.app.hold_reflection(series_id, actor="anna")
    services.app.close_series(series_id, actor="anna")


def test_status_on_a_day_follows_the_recorded_facts(services: Services, clock: FakeClock) -> None:
    new = announce(services.app, title="Neu", starts_on=date(2024, 10, 1))
    announce(services.app, title="Läuft", starts_on=date(2024, 5, 1), ends_on=date(2025, 5, 31))
    closed = announce(
        services.app, title="Vorbei", starts_on=date(2023, 6, 1), ends_on=date(2024, 12, 31)
    )
    close_early(services, clock, closed, date(2023, 6, 5))
    clock.set(at(date(2024, 9, 20), 9))
    assert titles(services, on=date(2024, 9, 20), status="new") == ["Neu"]
    assert titles(services, on=date(2024, 9, 20), status="running") == ["Läuft"]
    assert titles(services, on=date(2024, 9, 20), status="closed") == ["Vorbei"]
    assert titles(services, on=date(2023, 6, 4), status="running") == ["Vorbei"]
    assert titles(services, on=date(2023, 1, 1), status="new") == ["Vorbei", "Läuft", "Neu"]
    services.app.withdraw_series(new, actor="anna")
    assert titles(services, on=date(2024, 9, 20), status="withdrawn") == ["Neu"]


def test_a_held_kickoff_before_the_start_date_makes_a_series_run(
    services: Services, clock: FakeClock
) -> None:
    sid = announce(services.app, starts_on=date(2024, 10, 1), ends_on=None)
    kickoff = schedule(services.app, sid, "kickoff", date(2024, 9, 25))
    clock.set(at(date(2024, 9, 25), 11))
    services.app.mark_meeting_held(sid, kickoff, actor="anna")
    items, _ = services.views.catalogue(on=date(2024, 9, 26))
    assert items[0]["status"] == "running"


def test_order_sections_then_dates_like_the_seed_page(services: Services) -> None:
    for title, starts, ends in [
        ("Potsdam", date(2024, 10, 8), date(2025, 8, 31)),
        ("Wuppertal", date(2024, 10, 1), date(2025, 8, 31)),
        ("Schule", date(2023, 5, 1), None),
        ("Mannheim", date(2024, 6, 1), date(2025, 6, 30)),
        ("Kempten", date(2024, 5, 1), date(2025, 5, 31)),
    ]:
        announce(services.app, title=title, starts_on=starts, ends_on=ends)
    assert titles(services, on=date(2024, 9, 20)) == [
        "Wuppertal",
        "Potsdam",
        "Mannheim",
        "Kempten",
        "Schule",
    ]


def test_filters_and_pages(services: Services) -> None:
    announce(
        services.app,
        title="Klimamessnetz",
        topics=["Klima", "Sensorik"],
        format="hybrid",
        location="Mannheim",
    )
    services.app.add_region("Südwestfalen", ["05958", "05962"], actor="anna")
    announce(
        services.app,
        title="Schule",
        scope="regional",
        regions=["Südwestfalen"],
        topics=["Wissenstransfer"],
        summary="100% regional_",
    )
    for n in range(5):
        announce(services.app, title=f"Reihe {n}", starts_on=date(2024, 10, 1) + timedelta(n))
    on = date(2024, 9, 20)
    assert titles(services, on=on, topic="klima") == ["Klimamessnetz"]
    assert titles(services, on=on, region="südwestfalen") == ["Schule"]
    assert titles(services, on=on, format="hybrid") == ["Klimamessnetz"]
    assert titles(services, on=on, q="100%") == ["Schule"]
    assert titles(services, on=on, q="regional_") == ["Schule"]
    assert titles(services, on=on, q="%") == ["Schule"]
    first, total = services.views.catalogue(on=on, per_page=3, page=1)
    third, _ = services.views.catalogue(on=on, per_page=3, page=3)
    assert total == 7 and len(first) == 3 and len(third) == 1


def test_the_sections_at_once_answer_as_each_section_asked_alone(
    services: Services, clock: FakeClock
) -> None:
    for n in range(5):
        announce(services.app, title=f"Neu {n}", starts_on=date(2025, 1, 1) + timedelta(days=n))
    for n in range(3):
        announce(services.app, title=f"Läuft {n}", starts_on=date(2024, 1, 1) + timedelta(days=n))
    day = date(2024, 9, 20)
    pages = {"new": 2, "running": 9, "closed": 1, "withdrawn": 1}  # 9: past the last page

    found = services.views.sections(day, pages, per_page=2, dated=True)

    for status, page in {"new": 2, "running": 2, "closed": 1, "withdrawn": 1}.items():
        items, total = services.views.catalogue(on=day, status=status, page=page, per_page=2)
        assert found[status].page == page
        assert (found[status].items, found[status].total) == (items, total)
    assert [i["title"] for i in found["new"].items] == ["Neu 2", "Neu 3"]
    assert [i["title"] for i in found["running"].items] == ["Läuft 0"]
    searched = services.views.sections(day, {"new": 1, "running": 1}, per_page=2, q="Neu")
    assert [i["title"] for i in searched["new"].items] == ["Neu 0", "Neu 1"]
    assert (searched["new"].total, searched["running"].total) == (5, 0)
    assert set(searched) == {"new", "running"}


def test_a_series_read_again_shows_the_facts_recorded_since(
    services: Services, clock: FakeClock
) -> None:
    series = announce(services.app, title="Neu", starts_on=date(2025, 1, 1))
    schedule(services.app, series, "kickoff", date(2025, 1, 10))
    day = date(2025, 1, 5)
    clock.set(at(date(2024, 12, 1), 9))
    assert services.views.series_detail(series, on=day)["meetings_scheduled"] == 1  # type: ignore[index]
    with services.views.db.transaction() as tx:
        first = services.views.facts.of(tx, [str(series)])
        assert services.views.facts.of(tx, [str(series)])[str(series)] is first[str(series)]

    schedule(services.app, series, "exchange", date(2025, 1, 20))

    assert services.views.series_detail(series, on=day)["meetings_scheduled"] == 2  # type: ignore[index]
