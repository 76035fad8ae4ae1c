"""The public page's query string: a day outside the programme's calendar or a broken filter
is a clear 400 page in the reader's language, never a server error (on both stores)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from tests.web.html import PageReader


def detail_path(demo: Services) -> str:
    items, _ = demo.views.catalogue(on=demo.app.clock.now().date(), status="running")
    return f"/catalogue/{items[0]['id']}"


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "2200-01-01", "9999-12-31"])
def test_a_day_outside_the_calendar_is_a_400_page_naming_the_range(
    client: FlaskClient, demo: Services, day: str
) -> None:
    for path in ("/", detail_path(demo)):
        german = client.get(f"{path}?on={day}")
        english = client.get(f"{path}?on={day}&lang=en")

        assert (german.status_code, german.mimetype) == (400, "text/html"), path
        assert "zwischen 2000-01-01 und 2199-12-31" in german.get_data(as_text=True)
        assert english.status_code == 400
        assert "between 2000-01-01 and 2199-12-31" in english.get_data(as_text=True)


@pytest.mark.parametrize("day", ["2000-01-01", "2199-12-31"])
def test_the_first_and_the_last_day_of_the_calendar_are_shown(
    client: FlaskClient, demo: Services, day: str
) -> None:
    for path in ("/", detail_path(demo)):
        response = client.get(f"{path}?on={day}")

        assert response.status_code == 200, path
        assert f"Stand {day}" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "query", ["topic=%00", "region=S%C3%BCd%00westfalen", "format=%0A", "topic=" + "t" * 101]
)
def test_a_broken_filter_is_left_out_with_a_400_page(client: FlaskClient, query: str) -> None:
    response = client.get(f"/?on=2024-09-20&{query}")
    everything = client.get("/?on=2024-09-20")

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Ein Filter ist ungültig" in page
    assert PageReader(page).sections == PageReader(everything.get_data(as_text=True)).sections


def test_a_filter_of_a_hundred_characters_is_applied(client: FlaskClient) -> None:
    response = client.get("/?on=2024-09-20&topic=" + "t" * 100)

    assert response.status_code == 200
    assert "Ein Filter ist ungültig" not in response.get_data(as_text=True)
