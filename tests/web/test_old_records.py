"""Records an older version accepted, read through today's feeds and page.

Written through the application's own event methods, bypassing today's checks, the way an
older version of the service recorded them: a title with a line break, an agenda link
followed by a second line.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID

import vobject
from flask.testing import FlaskClient
from icalendar import Calendar

from domain.peer_learning import PeerLearning
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.api.client import TEAM, TOKENS
from tests.support.samples import schedule
from tests.unit.builders import details

BROKEN_TITLE = "Zeile eins\nX-INJECTED:title"
BROKEN_AGENDA = "https://example.org/agenda\nX-INJECTED:agenda"


def record_old_series(services: Services) -> UUID:
    """Announced as an older version did: no one-line rule for titles or links."""
    old = replace(details(), title=BROKEN_TITLE, agenda_url=BROKEN_AGENDA)
    series = PeerLearning(details=old, actor="anna")
    services.app.record(series)
    schedule(services.app, series.id, "kickoff", date(2024, 10, 8))
    return series.id  # type: ignore[no-any-return]


def client_of(services: Services) -> FlaskClient:
    return create_app({"TESTING": True, "PEERLEARNING_TOKENS": TOKENS}, services).test_client()


def test_the_series_feed_holds_an_old_title_with_a_line_break(services: Services) -> None:
    series_id = record_old_series(services)

    response = client_of(services).get(f"/peer-learnings/{series_id}/calendar.ics")

    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    body = response.get_data()
    assert not [line for line in body.split(b"\r\n") if line.startswith(b"X-INJECTED")]
    assert b"X-WR-CALNAME:Peer-Learning: Zeile eins\\nX-INJECTED:title\r\n" in body
    [event] = Calendar.from_ical(body).walk("VEVENT")
    assert "URL" not in event and str(event["SUMMARY"]) == f"Auftakttreffen: {BROKEN_TITLE}"
    second_reading = vobject.readOne(body.decode())
    assert second_reading.x_wr_calname.value == f"Peer-Learning: {BROKEN_TITLE}"


def test_the_upcoming_feed_and_the_page_show_the_old_series(services: Services) -> None:
    record_old_series(services)
    client = client_of(services)

    feed = client.get("/calendar.ics")
    page = client.get("/?on=2024-09-20")

    assert feed.status_code == 200
    assert not [line for line in feed.get_data().split(b"\r\n") if line.startswith(b"X-INJ")]
    assert page.status_code == 200


def test_revising_an_old_series_names_the_title_to_fix(services: Services) -> None:
    series_id = record_old_series(services)
    client = client_of(services)
    path, auth = f"/peer-learnings/{series_id}", {"Authorization": f"Bearer {TEAM}"}

    refused = client.patch(path, json={"capacity": 4}, headers=auth)
    fixed = client.patch(
        path,
        json={"title": "Zeile eins", "agenda_url": "https://example.org/agenda"},
        headers=auth,
    )

    assert refused.status_code == 422
    assert "Title must be one line" in refused.json["detail"]
    assert fixed.status_code == 200, fixed.json
    assert fixed.json["title"] == "Zeile eins"
