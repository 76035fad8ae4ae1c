"""The .ics of reminder mails as a calendar client reads it: after real SMTP, and in any year
and zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest

from calendars.ics import meeting_uid
from scheduler.message import build_message
from scheduler.service import ReminderService
from tests.scheduler.scenario import KICKOFF_START, P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.scheduler.test_mail import DISPATCH, NOW, meeting, person, sent
from tests.support.calendar_client import read_calendar
from tests.support.clock import FakeClock

pytestmark = pytest.mark.heavy


def attachment(mail: EmailMessage) -> bytes:
    [part] = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]
    content = part.get_content()
    return content.encode() if isinstance(content, str) else bytes(content)


def test_a_summer_meeting_comes_out_at_its_instant_in_every_readers_zone(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    scenario.join("John", locale="en", timezone="America/New_York")
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    scenario.app.cancel_meeting(scenario.series_id, meeting_id, actor="anna", reason="Krankheit")
    reminders.sweep()
    for name, zone in (("Eva", "Europe/Berlin"), ("John", "America/New_York")):
        reminder, cancellation = sink.to(email_of(name))
        [event] = read_calendar(attachment(reminder)).values()
        assert event.uid == meeting_uid(meeting_id) and event.zone == zone
        assert (event.starts_at, event.status, event.sequence) == (KICKOFF_START, "CONFIRMED", 0)
        [cancelled] = read_calendar(attachment(cancellation)).values()
        assert (cancelled.starts_at, cancelled.status) == (KICKOFF_START, "CANCELLED")
        assert cancelled.sequence == 1, "the cancellation is a change: SEQUENCE rises"


@pytest.mark.parametrize("year", [2000, 2026, 2199])
@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Australia/Sydney"])
def test_the_attachment_holds_the_meetings_own_year_in_any_zone(year: int, zone: str) -> None:
    starts_at = datetime(year, 7, 1, 8, 0, tzinfo=UTC)
    facts = meeting(starts_at=starts_at, ends_at=starts_at + timedelta(hours=2))
    message = build_message(DISPATCH, "reminder", facts, person("en", zone), "PL <p@x.de>", NOW)
    [event] = read_calendar(attachment(sent(message))).values()
    assert (event.zone, event.starts_at, event.ends_at) == (zone, facts.starts_at, facts.ends_at)
