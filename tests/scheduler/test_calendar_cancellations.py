"""Meetings called off after they went out in an admission's calendar: whoever holds them
there gets one cancellation with a CANCEL calendar, also without any reminder of them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from calendars.ics import meeting_uid
from peerlearning.bootstrap import Services
from scheduler.service import ReminderService
from tests.scheduler.mail_texts import text_of
from tests.scheduler.scenario import P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.scheduler.test_changes import calendar_of
from tests.scheduler.test_registration_mails import confirmed
from tests.support.clock import FakeClock
from tests.support.samples import announce, at, schedule

OLE, PIA = "ole.de@ortheim.example", "pia@ortheim.example"  # Ole reads German, Pia English
HELD_ON = datetime(2024, 10, 1, 12, 0, tzinfo=UTC)


def on_site(services: Services, series_id: UUID, kind: str, day: date) -> UUID:
    """A meeting on site: no reminders, so only the admission's calendar holds it."""
    return schedule(services.app, series_id, kind, day, mode="on_site", location="Rathaus")


def cancellations(sink: SmtpSink, address: str) -> list[object]:
    starts = ("Abgesagt: ", "Cancelled: ")
    return [m for m in sink.to(address) if str(m["Subject"]).startswith(starts)]


def test_closing_a_series_cancels_its_remaining_meetings_in_the_admission_calendars(
    services: Services, mails: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    series_id = announce(services.app)
    kickoff = on_site(services, series_id, "kickoff", date(2024, 10, 1))
    exchange = on_site(services, series_id, "exchange", date(2024, 11, 5))
    services.app.accept_registration(confirmed(services, series_id, "de", "Ortheim"), "anna")
    mails.sweep()
    clock.set(HELD_ON)
    services.app.mark_meeting_held(series_id, kickoff, actor="anna")
    services.app.hold_reflection(series_id, actor="anna")

    services.app.close_series(series_id, actor="anna")
    first = mails.sweep()
    second = mails.sweep()

    assert first.sent == 4 and second.sent == 0  # the closing's mail and a cancellation each
    [ole] = cancellations(sink, OLE)
    [pia] = cancellations(sink, PIA)
    assert "1. Oktober" not in str(ole["Subject"]) and "5. November" in str(ole["Subject"])
    assert pia["Content-Language"] == "en"
    calendar = calendar_of(ole)
    [event] = calendar.walk("VEVENT")
    assert calendar["METHOD"] == "CANCEL" and event["UID"] == meeting_uid(exchange)
    assert event["SEQUENCE"] == 1 and event["STATUS"] == "CANCELLED"


def test_a_cancelled_meeting_is_cancelled_only_in_the_calendars_that_held_it(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app)
    dropped = on_site(services, series_id, "kickoff", date(2024, 10, 1))
    services.app.cancel_meeting(series_id, dropped, actor="anna", reason="Raum fehlt")
    held = on_site(services, series_id, "kickoff", date(2024, 10, 8))
    services.app.accept_registration(confirmed(services, series_id, "de", "Ortheim"), "anna")
    mails.sweep()
    later = on_site(services, series_id, "exchange", date(2024, 11, 5))

    for meeting_id in (held, later):
        services.app.cancel_meeting(series_id, meeting_id, actor="anna", reason="Krankheit")
    mails.sweep()
    mails.sweep()

    for address in (OLE, PIA):
        [notice] = cancellations(sink, address)
        assert calendar_of(notice).walk("VEVENT")[0]["UID"] == meeting_uid(held), address


def test_an_ended_enrolment_cancels_what_its_people_hold_once(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app)
    kickoff = on_site(services, series_id, "kickoff", date(2024, 10, 8))
    exchange = on_site(services, series_id, "exchange", date(2024, 11, 5))
    services.app.accept_registration(confirmed(services, series_id, "de", "Ortheim"), "anna")
    mails.sweep()
    [enrollment] = services.views.roster(series_id)
    services.app.cancel_meeting(series_id, exchange, actor="anna", reason="Krankheit")

    services.app.withdraw_enrollment(enrollment["enrollment_id"], actor="anna")
    first = mails.sweep()
    second = mails.sweep()

    assert (first.sent, second.sent) == (4, 0)
    by_meeting = {calendar_of(m).walk("VEVENT")[0]["UID"]: m for m in cancellations(sink, OLE)}
    assert set(by_meeting) == {meeting_uid(kickoff), meeting_uid(exchange)}
    ended = text_of(by_meeting[meeting_uid(kickoff)])
    assert "Grund der Absage: Die Teilnahme Ihrer Kommune an der Reihe wurde beendet." in ended
    assert "Grund der Absage: Krankheit" in text_of(by_meeting[meeting_uid(exchange)])
    assert calendar_of(by_meeting[meeting_uid(kickoff)])["METHOD"] == "CANCEL"
    reasons = [text_of(m) for m in cancellations(sink, PIA)]
    assert sum("Your municipality no longer takes part" in each for each in reasons) == 1


def test_a_rejected_enrolment_cancels_what_its_people_were_reminded_of_and_only_once(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    kickoff = scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    scenario.join("Max")

    scenario.app.reject_enrollment(scenario.enrollment_id, "Doppelt angemeldet", actor="anna")
    reminders.sweep()
    new_day = date(2024, 10, 8)
    scenario.app.reschedule_meeting(
        scenario.series_id, kickoff, at(new_day, 14), at(new_day, 16), actor="anna"
    )
    scenario.app.cancel_meeting(scenario.series_id, kickoff, actor="anna")
    reminders.sweep()

    [notice] = cancellations(sink, email_of("Eva"))
    [event] = calendar_of(notice).walk("VEVENT")
    assert event["UID"] == meeting_uid(kickoff) and event["SEQUENCE"] == 1
    assert sink.to(email_of("Max")) == [], "Max joined after the reminder and holds nothing"
