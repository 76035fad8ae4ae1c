"""The demo catalogue on both stores shows what the published page showed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from demo.catalogue import load_demo
from peerlearning.bootstrap import Services
from tests.demo.conftest import AFTER_THE_PAGE, SEED_DAY_MORNING, open_services
from tests.demo.seed import CLOSED, NEW, RUNNING, SEED_DAY

BERLIN = ZoneInfo("Europe/Berlin")


def sections(services: Services, on: date) -> dict[str, list[str]]:
    items, total = services.views.catalogue(on=on, per_page=100)
    assert total == len(items)
    found: dict[str, list[str]] = {}
    for item in items:
        found.setdefault(item["status"], []).append(item["title"])
    return found


def by_title(services: Services, title: str) -> dict[str, Any]:
    """The series as the demo recorded it (every fact, whatever its day), status of the seed day."""
    items, _ = services.views.catalogue(on=SEED_DAY, q=title, per_page=100)
    [item] = [i for i in items if i["title"] == title]
    detail = services.views.series_detail(item["id"], on=SEED_DAY, dated=False)
    assert detail is not None
    return detail


def assert_seed_page(services: Services) -> None:
    found = sections(services, SEED_DAY)
    assert found["new"] == NEW
    assert set(found["running"]) == RUNNING and len(found["running"]) == 3
    assert set(found["closed"]) == CLOSED and len(found["closed"]) == 6
    assert set(found) == {"new", "running", "closed"}


def test_on_the_seed_day_the_catalogue_shows_2_new_3_running_6_closed(demo: Services) -> None:
    assert_seed_page(demo)


def test_loaded_on_the_seed_day_itself_the_page_is_the_same(store_url: str) -> None:
    services = open_services(store_url, SEED_DAY_MORNING)
    try:
        assert load_demo(services) == 11
        assert_seed_page(services)
        wuppertal = by_title(services, NEW[0])
        assert {m["state"] for m in wuppertal["meetings"]} == {"scheduled"}
    finally:
        services.close()


def test_the_seed_day_and_an_earlier_day_show_their_sections_as_they_stood(
    demo: Services,
) -> None:
    for day in (SEED_DAY, date(2023, 5, 20)):
        dated = sections(demo, day)
        items, _ = demo.views.catalogue(on=day, per_page=100, dated=False)
        assert dated == sections_of(items), day
        for item in demo.views.catalogue(on=day, per_page=100)[0]:
            detail = demo.views.series_detail(item["id"], on=day)
            assert detail is not None
            held = [m for m in detail["meetings"] if m["state"] == "held"]
            assert all(m["starts_at"].date() <= day for m in held), (day, item["title"])
            assert detail["meetings_held"] == len(held)
            for end in ("closed_on", "withdrawn_on", "kickoff_held_on", "reflection_held_on"):
                assert detail[end] is None or detail[end] <= day, (day, item["title"], end)


def test_the_new_series_on_the_seed_day_had_held_nothing_and_was_open(demo: Services) -> None:
    items, _ = demo.views.catalogue(on=SEED_DAY, q="Wuppertal")
    [wuppertal] = [i for i in items if i["title"] == NEW[0]]
    detail = demo.views.series_detail(wuppertal["id"], on=SEED_DAY)
    assert detail is not None
    assert {m["state"] for m in detail["meetings"]} == {"scheduled"}
    assert (detail["meetings_held"], detail["closed_on"], detail["joining_open"]) == (0, None, True)
    assert wuppertal["meetings_held"] == 0 and wuppertal["closed_on"] is None
    assert by_title(demo, NEW[0])["meetings_held"] == 6  # as recorded by the demo's day


def sections_of(items: list[dict[str, Any]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in items:
        found.setdefault(item["status"], []).append(item["title"])
    return found


def local_slots(detail: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (
            m["starts_at"].astimezone(BERLIN).strftime("%H:%M"),
            m["ends_at"].astimezone(BERLIN).strftime("%H:%M"),
        )
        for m in detail["meetings"]
    }


def test_hosts_periods_and_meeting_times_follow_the_page(demo: Services) -> None:
    wuppertal, potsdam = by_title(demo, NEW[0]), by_title(demo, NEW[1])
    assert wuppertal["host"] == "Stadt Wuppertal"
    assert (wuppertal["starts_on"], wuppertal["ends_on"]) == (date(2024, 10, 1), date(2025, 8, 31))
    assert local_slots(wuppertal) == {("10:00", "12:00")}
    assert len(wuppertal["meetings"]) == 6 and wuppertal["format"] == "virtual"
    assert potsdam["starts_on"] == date(2024, 10, 8)
    assert local_slots(potsdam) == {("14:00", "16:00")}
    assert potsdam["meetings"][-1]["location"] == "POTSDAM LAB, Potsdam"
    school = by_title(demo, "Smart Cities: Schule")
    assert school["ends_on"] is None and school["scope"] == "regional"
    assert "Südwestfalen" in school["regions"]


def test_kickoff_first_reflection_last_and_the_past_is_held(demo: Services) -> None:
    now = AFTER_THE_PAGE
    for title in [*NEW, *RUNNING, *CLOSED]:
        meetings = by_title(demo, title)["meetings"]
        assert meetings[0]["kind"] == "kickoff", title
        for meeting in meetings:
            held = meeting["state"] == "held"
            assert held == (meeting["ends_at"] <= now), (title, meeting)
        if title != "Smart Cities: Schule":
            assert meetings[-1]["kind"] == "reflection", title


def test_the_ongoing_series_shows_a_moved_and_a_cancelled_meeting(demo: Services) -> None:
    meetings = by_title(demo, "Smart Cities: Schule")["meetings"]
    coming = [m for m in meetings if m["starts_at"] > AFTER_THE_PAGE]
    assert coming[0]["state"] == "rescheduled" and coming[0]["schedule_version"] == 2
    assert coming[2]["state"] == "cancelled"
    assert any(m["mode"] == "on_site" for m in meetings)


def test_closing_dates_tell_the_page_story(demo: Services) -> None:
    myk10 = by_title(demo, "Visions- und Strategieentwicklung")
    assert myk10["closed_on"] is not None and myk10["closed_on"] < myk10["ends_on"]
    assert myk10["meetings_held"] < myk10["planned_meetings"]
    jena = by_title(demo, "Digitale Datenplattformen")
    assert date(2024, 9, 1) <= jena["closed_on"] < SEED_DAY
    for title in CLOSED:
        detail = by_title(demo, title)
        assert detail["reflection_held_on"] <= detail["closed_on"] <= SEED_DAY, title


@pytest.mark.parametrize("when", [SEED_DAY_MORNING, AFTER_THE_PAGE])
def test_new_series_read_as_new_only_before_their_start(demo: Services, when: datetime) -> None:
    wuppertal = by_title(demo, NEW[0])
    expected = "new" if when.date() < wuppertal["starts_on"] else "closed"
    items, _ = demo.views.catalogue(on=when.date(), q="Wuppertal")
    assert [i["status"] for i in items if i["host"] == "Stadt Wuppertal"] == [expected]
