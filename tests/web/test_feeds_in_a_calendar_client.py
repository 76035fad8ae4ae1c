"""The feeds as a calendar client reads them: every meeting at the instant the API gives."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from flask.testing import FlaskClient

from calendars.ics import meeting_sequence, meeting_uid
from peerlearning.bootstrap import Services
from tests.support.calendar_client import read_calendar
from tests.support.demo_store import DEMO_NOW

pytestmark = pytest.mark.heavy


def test_every_meeting_of_every_demo_series_feed_comes_out_at_its_instant(
    client: FlaskClient, demo: Services
) -> None:
    items, _ = demo.views.catalogue(on=DEMO_NOW.date(), per_page=100)
    summer = 0
    for item in items:
        detail = demo.views.series_detail(item["id"])
        assert detail is not None
        response = client.get(f"/peer-learnings/{item['id']}/calendar.ics")
        read = read_calendar(response.data)
        assert len(read) == len(detail["meetings"])
        for meeting in detail["meetings"]:
            event = read[meeting_uid(meeting["meeting_id"])]
            cancelled = meeting["state"] == "cancelled"
            assert (event.starts_at, event.ends_at) == (meeting["starts_at"], meeting["ends_at"])
            assert event.zone == detail["timezone"]
            assert event.status == ("CANCELLED" if cancelled else "CONFIRMED")
            assert event.sequence == meeting_sequence(meeting["schedule_version"], cancelled)
            summer += bool(meeting["starts_at"].astimezone(ZoneInfo(event.zone)).dst())
    assert summer > 10, "the demo has meetings in summer time"


def test_the_upcoming_feed_reads_right_in_a_calendar_client(
    client: FlaskClient, demo: Services
) -> None:
    read = read_calendar(client.get("/calendar.ics").data)
    assert read
    for event in read.values():
        assert event.starts_at > DEMO_NOW and event.ends_at > event.starts_at
