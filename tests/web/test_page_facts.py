"""What a card and a detail page say of a series' meetings and places: only what is true.

The pages are read as recorded now (no ?on=): the events carry the time they were written,
not the test's clock, so a page of an earlier day would not see them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from uuid import UUID

import pytest
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.support.demo_store import open_services
from tests.support.samples import announce, municipality, schedule


@pytest.fixture
def services(store_url: str) -> Iterator[Services]:
    services = open_services(store_url, datetime(2024, 9, 20, 8, 0, tzinfo=UTC))
    yield services
    services.close()


@pytest.fixture
def client(services: Services) -> FlaskClient:
    return create_app({"TESTING": True}, services).test_client()


def text(client: FlaskClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.data[:300]
    return " ".join(response.get_data(as_text=True).split())


def both_pages(client: FlaskClient, series_id: UUID, lang: str) -> list[str]:
    return [
        text(client, f"/?lang={lang}"),
        text(client, f"/catalogue/{series_id}?lang={lang}"),
    ]


def test_the_meetings_counted_are_those_scheduled_and_not_cancelled(
    services: Services, client: FlaskClient
) -> None:
    app = services.app
    series_id = announce(app, planned_meetings=6)
    for german in both_pages(client, series_id, "de"):
        assert "6 Treffen geplant" in german
    kickoff = schedule(app, series_id, "kickoff", date(2024, 10, 1))
    schedule(app, series_id, "exchange", date(2024, 11, 5))
    schedule(app, series_id, "exchange", date(2024, 12, 3))
    app.cancel_meeting(series_id, kickoff, reason="Raum fehlt", actor="anna")
    for german in both_pages(client, series_id, "de"):
        assert "2 von 6 geplanten Treffen angesetzt, jeweils 10:00–12:00 Uhr" in german
        assert "6 Treffen," not in german
    for english in both_pages(client, series_id, "en"):
        assert "2 of 6 planned meetings scheduled, each 10:00–12:00" in english


def test_a_full_series_says_joining_is_only_by_the_waiting_list(
    services: Services, client: FlaskClient
) -> None:
    app = services.app
    series_id = announce(app, capacity=2, starts_on=date(2024, 9, 1))
    schedule(app, series_id, "kickoff", date(2024, 9, 3))
    app.enrol(series_id, municipality("Stadt Arnsberg"), "Erika Muster", "e@example.org", "anna")
    detail = text(client, f"/catalogue/{series_id}")
    assert "Ein Einstieg ist in der Regel noch möglich." in detail  # a seat is still free
    assert "Warteliste" not in detail
    app.enrol(series_id, municipality("Stadt Meschede"), "Max Muster", "m@example.org", "anna")
    full = both_pages(client, series_id, "de")
    app.enrol(series_id, municipality("Stadt Olpe"), "Eva Muster", "o@example.org", "anna")
    for german in full + both_pages(client, series_id, "de"):  # no seat left, then one waits
        assert "Ausgebucht: Ein Einstieg ist nur noch über die Warteliste möglich." in german
        assert "zur Warteliste mit dem Formular" in german
    assert "in der Regel noch möglich" not in full[1]
    english = both_pages(client, series_id, "en")
    for page in english:
        assert "Fully booked: joining is only possible via the waiting list." in page
    assert "Joining is usually still possible." not in english[1]


def test_a_series_closed_to_joining_does_not_say_joining_is_possible(
    services: Services, client: FlaskClient
) -> None:
    series_id = announce(services.app, starts_on=date(2024, 9, 1))
    services.app.set_joining(series_id, open=False, actor="anna")
    detail = text(client, f"/catalogue/{series_id}")
    assert "<dt>Anmeldung</dt> <dd>derzeit nicht möglich</dd>" in detail
    assert "in der Regel noch möglich" not in detail and "Warteliste" not in detail
