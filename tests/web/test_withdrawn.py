"""A withdrawn series gets its own section; its feed still reads as a calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar

from calendars.ics import meeting_uid
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.support.demo_store import open_services
from tests.support.samples import announce, schedule
from tests.web.html import PageReader


@pytest.fixture
def services(store_url: str) -> Iterator[Services]:
    services = open_services(store_url, datetime(2024, 9, 20, 8, 0, tzinfo=UTC))
    yield services
    services.close()


def test_a_withdrawn_series_shows_apart_from_the_three_sections(services: Services) -> None:
    client = create_app({"TESTING": True}, services).test_client()
    kept = announce(services.app, title="Offene Daten im Landkreis")
    kept_kickoff = schedule(services.app, kept, "kickoff", date(2024, 10, 2))
    dropped = announce(services.app, title="Sensorik im Quartier")
    schedule(services.app, dropped, "kickoff", date(2024, 10, 1))
    services.app.withdraw_series(dropped, actor="anna", reason="Zu wenig Anmeldungen")
    page = PageReader(client.get("/?on=2024-09-20").get_data(as_text=True))
    assert page.sections == {
        "new": ["Offene Daten im Landkreis"],
        "running": [],
        "closed": [],
        "withdrawn": ["Sensorik im Quartier"],
    }
    feed = Calendar.from_ical(client.get(f"/peer-learnings/{dropped}/calendar.ics").data)
    assert len(feed.walk("VEVENT")) == 1
    upcoming = client.get("/calendar.ics").get_data(as_text=True)
    assert "Sensorik im Quartier" not in upcoming
    uids = [str(e["UID"]) for e in Calendar.from_ical(upcoming).walk("VEVENT")]
    assert uids == [meeting_uid(kept_kickoff)]
