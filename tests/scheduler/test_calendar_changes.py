"""Meetings moved or corrected after they went out in an admission's calendar: whoever holds
them there is told once, with the calendar's new version, also without any reminder."""

from __future__ import annotations

from datetime import date

from calendars.ics import meeting_uid
from peerlearning.bootstrap import Services
from scheduler.service import ReminderService
from tests.scheduler.mail_texts import text_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.scheduler.test_calendar_cancellations import OLE, PIA, on_site
from tests.scheduler.test_changes import calendar_of
from tests.scheduler.test_registration_mails import confirmed
from tests.support.samples import announce, at

NOTICES = ("Verschoben: ", "Rescheduled: ", "Geänderte Angaben: ", "Updated details: ")


def notices(sink: SmtpSink, address: str) -> list[object]:
    return [m for m in sink.to(address) if str(m["Subject"]).startswith(NOTICES)]


def test_a_meeting_moved_after_the_admission_is_moved_in_its_calendars(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app)
    kickoff = on_site(services, series_id, "kickoff", date(2024, 10, 1))
    services.app.accept_registration(confirmed(services, series_id, "de", "Ortheim"), "anna")
    mails.sweep()
    new_day = date(2024, 10, 8)

    services.app.reschedule_meeting(
        series_id, kickoff, at(new_day, 14), at(new_day, 16), actor="anna"
    )
    first, second = mails.sweep(), mails.sweep()

    assert first.sent == 2 and second.sent == 0
    [ole] = notices(sink, OLE)
    [pia] = notices(sink, PIA)
    assert str(ole["Subject"]).startswith("Verschoben: ") and "8. Oktober" in str(ole["Subject"])
    assert str(pia["Subject"]).startswith("Rescheduled: ")
    [event] = calendar_of(ole).walk("VEVENT")
    assert event["UID"] == meeting_uid(kickoff) and event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == at(new_day, 14)


def test_a_correction_reaches_the_calendars_as_an_update_and_a_later_one_only_once(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app)
    kickoff = on_site(services, series_id, "kickoff", date(2024, 10, 1))
    services.app.accept_registration(confirmed(services, series_id, "de", "Ortheim"), "anna")
    mails.sweep()

    services.app.correct_meeting(series_id, kickoff, {"location": "Stadthalle"}, actor="anna")
    mails.sweep()
    mails.sweep()

    [ole] = notices(sink, OLE)
    assert str(ole["Subject"]).startswith("Geänderte Angaben: ")
    assert "Stadthalle" in text_of(ole)
    assert calendar_of(ole).walk("VEVENT")[0]["SEQUENCE"] == 1


def test_who_got_the_calendar_after_the_move_is_not_told_of_it(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app)
    kickoff = on_site(services, series_id, "kickoff", date(2024, 10, 1))
    new_day = date(2024, 10, 8)
    services.app.reschedule_meeting(
        series_id, kickoff, at(new_day, 14), at(new_day, 16), actor="anna"
    )
    services.app.accept_registration(confirmed(services, series_id, "de", "Ortheim"), "anna")
    mails.sweep()
    mails.sweep()

    assert notices(sink, OLE) == [] and notices(sink, PIA) == []
