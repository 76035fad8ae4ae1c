"""A feed follows the series: a reschedule raises SEQUENCE, a cancellation shows, 304 ends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest
from flask.testing import FlaskClient
from icalendar import Calendar

from calendars.ics import meeting_event, meeting_uid, series_of
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.support.demo_store import open_services
from tests.support.samples import announce, schedule

NOW = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)


@pytest.fixture
def services(store_url: str) -> Iterator[Services]:
    services = open_services(store_url, NOW)
    yield services
    services.close()


def events(client: FlaskClient, url: str) -> dict[str, Any]:
    return {str(e["UID"]): e for e in Calendar.from_ical(client.get(url).data).walk("VEVENT")}


def test_reschedule_and_cancel_change_the_feed_and_its_etag(services: Services) -> None:
    client = create_app({"TESTING": True}, services).test_client()
    series_id = announce(services.app)
    kickoff = schedule(services.app, series_id, "kickoff", date(2024, 10, 1))
    exchange = schedule(services.app, series_id, "exchange", date(2024, 11, 5))
    url = f"/peer-learnings/{series_id}/calendar.ics"
    first = client.get(url)
    etag = first.headers["ETag"]
    moved = datetime(2024, 11, 6, 9, 0, tzinfo=UTC)
    services.app.reschedule_meeting(
        series_id, exchange, moved, moved + timedelta(hours=2), actor="anna"
    )
    services.app.cancel_meeting(series_id, kickoff, actor="anna", reason="Krankheit")
    second = client.get(url, headers={"If-None-Match": etag})
    assert second.status_code == 200 and second.headers["ETag"] != etag
    found = events(client, url)
    assert found[meeting_uid(exchange)].decoded("SEQUENCE") == 1
    assert found[meeting_uid(exchange)].decoded("DTSTART") == moved
    assert str(found[meeting_uid(kickoff)]["STATUS"]) == "CANCELLED"
    assert found[meeting_uid(kickoff)].decoded("SEQUENCE") == 1, "a cancellation is a change"
    upcoming = events(client, "/calendar.ics")
    assert set(upcoming) == {meeting_uid(kickoff), meeting_uid(exchange)}


def test_the_upcoming_feed_changes_when_a_meeting_starts(services: Services) -> None:
    """Both clocks agree in production, so this test runs the programme clock at real time."""
    clock = services.app.clock
    clock.set(datetime.now(UTC))  # type: ignore[attr-defined]
    first_day = clock.now().date() + timedelta(days=30)
    client = create_app({"TESTING": True}, services).test_client()
    series_id = announce(services.app, starts_on=first_day, ends_on=first_day + timedelta(200))
    kickoff = schedule(services.app, series_id, "kickoff", first_day)
    schedule(services.app, series_id, "exchange", first_day + timedelta(days=35))
    before = client.get("/calendar.ics")
    meeting = services.views.meeting(series_id, kickoff)
    assert meeting is not None
    kickoff_starts = meeting["starts_at"]
    clock.set(kickoff_starts + timedelta(minutes=5))  # type: ignore[attr-defined]
    since = {"If-Modified-Since": before.headers["Last-Modified"]}
    after = client.get("/calendar.ics", headers=since)
    assert after.status_code == 200
    assert after.headers["Last-Modified"] == format_datetime(kickoff_starts, usegmt=True)
    assert meeting_uid(kickoff) not in after.get_data(as_text=True)
    unchanged = {"If-Modified-Since": after.headers["Last-Modified"]}
    assert client.get("/calendar.ics", headers=unchanged).status_code == 304


def test_reminders_can_build_the_same_event_from_an_upcoming_meeting(services: Services) -> None:
    series_id = announce(services.app)
    kickoff = schedule(services.app, series_id, "kickoff", date(2024, 10, 1))
    [upcoming] = services.views.upcoming_meetings(after=NOW)
    detail = services.views.series_detail(series_id)
    assert detail is not None
    from_feed = meeting_event(detail["meetings"][0], detail, NOW)
    from_reminder = meeting_event(upcoming, series_of(upcoming), NOW)
    assert from_reminder.to_ical() == from_feed.to_ical()
    assert str(from_reminder["UID"]) == meeting_uid(kickoff)
