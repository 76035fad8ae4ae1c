"""The page's sections page: every series reachable once through the links, 304 while the
views stand still, a new page after a write; the kept feeds equal a fresh rendering."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.support.demo_store import open_services
from tests.support.http_server import served
from tests.support.samples import announce, schedule
from tests.web.html import PageReader
from web.feeds import last_change, series_feed, to_the_second, upcoming_feed
from web.sections import PER_SECTION

NOW = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)
RUNNING, NEW = 2 * PER_SECTION + 3, PER_SECTION + 1


@pytest.fixture
def services(store_url: str) -> Iterator[Services]:
    services = open_services(store_url, NOW)
    for number in range(RUNNING):
        announce(services.app, title=f"Laufend {number:02d}", starts_on=date(2024, 1, 1))
    for number in range(NEW):
        announce(
            services.app, title=f"Neu {number:02d}", starts_on=date(2024, 11, 1) + timedelta(number)
        )
    yield services
    services.close()


@pytest.fixture
def flask_app(services: Services) -> Flask:
    return create_app({"TESTING": True}, services)


@pytest.fixture
def client(flask_app: Flask) -> FlaskClient:
    return flask_app.test_client()


def read(client: FlaskClient, url: str) -> PageReader:
    response = client.get(url)
    assert response.status_code == 200
    return PageReader(response.get_data(as_text=True))


def walk(client: FlaskClient, status: str, link: str = "next", start: str = "/") -> list[str]:
    """The titles of one section, page after page, following its next (or prev) links."""
    seen: list[str] = []
    url: str | None = start
    while url:
        page = read(client, url)
        seen += page.sections[status]
        url = page.pager.get(status, {}).get(link)
        assert len(seen) <= RUNNING + NEW, "the links go round in a circle"
    return seen


def test_every_series_is_on_exactly_one_page_of_its_section(client: FlaskClient) -> None:
    running = walk(client, "running")
    assert sorted(running) == [f"Laufend {n:02d}" for n in range(RUNNING)]
    assert walk(client, "new") == [f"Neu {n:02d}" for n in range(NEW)]  # the soonest first
    first = read(client, "/")
    assert len(first.sections["running"]) == PER_SECTION and "prev" not in first.pager["running"]
    assert first.sections["closed"] == [] and "withdrawn" not in first.sections
    last = read(client, "/?running_page=3")
    backwards = walk(client, "running", "prev", "/?running_page=3")
    assert (
        backwards
        == last.sections["running"]
        + running[PER_SECTION : 2 * PER_SECTION]
        + (running[:PER_SECTION])
    )


def test_paging_one_section_keeps_the_others_and_the_filters(client: FlaskClient) -> None:
    page = read(client, "/?lang=en&topic=Klimaanpassung&running_page=3&new_page=2")
    assert len(page.sections["running"]) == RUNNING - 2 * PER_SECTION
    assert len(page.sections["new"]) == NEW - PER_SECTION
    previous = page.pager["running"]["prev"]
    for kept in ("running_page=2", "new_page=2", "lang=en", "topic=Klimaanpassung"):
        assert kept in previous
    assert previous.endswith("#running") and "next" not in page.pager["running"]
    beyond = read(client, "/?running_page=99")
    assert beyond.sections["running"] == page.sections["running"]


def test_the_page_answers_304_until_a_write_moves_the_views(
    flask_app: Flask, services: Services
) -> None:
    with served(flask_app) as url:
        first = requests.get(f"{url}/?lang=de", timeout=30)
        tag = first.headers["ETag"]
        again = requests.get(f"{url}/?lang=de", headers={"If-None-Match": tag}, timeout=30)
        assert again.status_code == 304 and again.content == b""
        announce(services.app, title="Ganz neu", starts_on=date(2024, 10, 2))
        after = requests.get(f"{url}/?lang=de", headers={"If-None-Match": tag}, timeout=30)
    assert after.status_code == 200 and after.headers["ETag"] != tag
    assert "Ganz neu" in PageReader(after.text).sections["new"]


def test_the_kept_feeds_equal_a_fresh_rendering(flask_app: Flask, services: Services) -> None:
    series_id = announce(services.app, title="Mit Terminen", starts_on=date(2024, 10, 1))
    schedule(services.app, series_id, "kickoff", date(2024, 10, 1))
    client = flask_app.test_client()
    with served(flask_app) as url:
        for path in ("/calendar.ics", f"/peer-learnings/{series_id}/calendar.ics"):
            first = requests.get(url + path, timeout=30)
            kept = requests.get(url + path, timeout=30)
            assert kept.content == first.content and kept.headers["ETag"] == first.headers["ETag"]
            tag = {"If-None-Match": first.headers["ETag"]}
            assert requests.get(url + path, headers=tag, timeout=30).status_code == 304
    assert client.get("/calendar.ics").data == upcoming_feed(services, None, None).body
    sent = client.get(f"/peer-learnings/{series_id}/calendar.ics").data
    assert sent == series_feed(services, series_id).body
    modified = services.app.series(series_id).modified_on
    assert last_change(services, series_id) == to_the_second(modified)
