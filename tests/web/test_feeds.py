"""Calendar feeds: valid for two parsers, stable UIDs, SEQUENCE, cancellations, 304."""

from __future__ import annotations

from typing import Any

import vobject
from flask.testing import FlaskClient
from icalendar import Calendar

from calendars.ics import meeting_sequence, meeting_uid
from peerlearning.bootstrap import Services
from tests.support.demo_store import DEMO_NOW as AFTER_THE_PAGE
from tests.web.conftest import personal_data

SCHOOL = "Smart Cities: Schule"


def series(demo: Services, title: str) -> dict[str, Any]:
    items, _ = demo.views.catalogue(on=AFTER_THE_PAGE.date(), q=title)
    [item] = [i for i in items if i["title"] == title]
    detail = demo.views.series_detail(item["id"])
    assert detail is not None
    return detail


def parse_both(body: bytes) -> Calendar:
    """icalendar reads it strictly, vobject as a second, independent parser."""
    calendar = Calendar.from_ical(body)
    zones = ["Europe/Berlin"] if calendar.walk("VEVENT") else []
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == zones
    for zone in calendar.walk("VTIMEZONE"):
        assert {"RRULE"} <= {name for c in zone.subcomponents for name in c}
        assert "RDATE" not in zone.to_ical().decode() and "COMMENT" not in zone
    second = vobject.readOne(body.decode("utf-8"))
    assert len(second.contents.get("vevent", [])) == len(calendar.walk("VEVENT"))
    for event in second.contents.get("vevent", []):
        assert event.dtstart.value.tzinfo is not None and event.uid.value
    return calendar


def test_a_series_feed_carries_every_meeting_with_uid_sequence_and_status(
    client: FlaskClient, demo: Services
) -> None:
    detail = series(demo, SCHOOL)
    response = client.get(f"/peer-learnings/{detail['id']}/calendar.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    events = {str(e["UID"]): e for e in parse_both(response.data).walk("VEVENT")}
    assert len(events) == len(detail["meetings"])
    for meeting in detail["meetings"]:
        event = events[meeting_uid(meeting["meeting_id"])]
        cancelled = meeting["state"] == "cancelled"
        sequence = meeting_sequence(meeting["schedule_version"], cancelled)
        assert event.decoded("SEQUENCE") == sequence == meeting["schedule_version"] - 1 + cancelled
        assert event.decoded("DTSTART") == meeting["starts_at"]
        assert event.decoded("DTSTART").tzinfo.key == "Europe/Berlin"
        assert (str(event["STATUS"]) == "CANCELLED") == cancelled
    assert {e.decoded("SEQUENCE") for e in events.values()} == {0, 1}


def test_the_upcoming_feed_holds_only_what_is_still_to_come(
    client: FlaskClient, demo: Services
) -> None:
    everything = parse_both(client.get("/calendar.ics").data).walk("VEVENT")
    assert everything and all(e.decoded("DTSTART") > AFTER_THE_PAGE for e in everything)
    coming = [m for m in series(demo, SCHOOL)["meetings"] if m["starts_at"] > AFTER_THE_PAGE]
    assert {str(e["UID"]) for e in everything} == {meeting_uid(m["meeting_id"]) for m in coming}
    assert "CANCELLED" in {str(e["STATUS"]) for e in everything}
    by_region = parse_both(client.get("/calendar.ics?region=Südwestfalen").data)
    assert len(by_region.walk("VEVENT")) == len(everything)
    assert parse_both(client.get("/calendar.ics?topic=Geodaten").data).walk("VEVENT") == []


def test_caching_headers_answer_304(client: FlaskClient, demo: Services) -> None:
    url = f"/peer-learnings/{series(demo, SCHOOL)['id']}/calendar.ics"
    first = client.get(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('"') and modified.endswith("GMT")
    assert client.get(url).headers["ETag"] == etag
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    stale = client.get(url, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200 and stale.data == first.data
    old = client.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"})
    assert old.status_code == 200
    assert client.get("/calendar.ics", headers={"If-None-Match": etag}).status_code == 200


def test_an_unknown_series_is_a_problem_not_a_calendar(client: FlaskClient) -> None:
    response = client.get("/peer-learnings/00000000-0000-4000-8000-000000000000/calendar.ics")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_no_personal_data_in_any_feed(client: FlaskClient, demo: Services) -> None:
    secrets = personal_data(demo)
    items, _ = demo.views.catalogue(on=AFTER_THE_PAGE.date(), per_page=100)
    for url in ["/calendar.ics"] + [f"/peer-learnings/{i['id']}/calendar.ics" for i in items]:
        body = Calendar.from_ical(client.get(url).data).to_ical().decode()
        assert not [s for s in secrets if s in body], url
        assert "video.example.org" not in body
