"""Rescheduled and cancelled meetings: old reminders stay unsent, the reminded are told."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from calendars.ics import meeting_uid
from scheduler.dispatch_queries import DispatchQueries
from scheduler.service import ReminderService
from tests.scheduler.mail_texts import html_of, text_of
from tests.scheduler.scenario import P1D_DUE, P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.samples import at, schedule


def calendar_of(mail: object) -> Calendar:
    [part] = [p for p in mail.iter_attachments() if p.get_content_type() == "text/calendar"]  # type: ignore[attr-defined]
    return Calendar.from_ical(part.get_content())


def test_a_moved_meeting_is_reminded_at_the_new_time_and_the_reminded_are_told(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    clock.set(P7D_DUE + timedelta(hours=1))
    scenario.join("Max")
    new_day = date(2024, 10, 8)
    scenario.app.reschedule_meeting(
        scenario.series_id, meeting_id, at(new_day, 14), at(new_day, 16), actor="anna"
    )
    reminders.sweep()
    [notice] = sink.to(email_of("Eva"))[1:]
    assert notice["Subject"].startswith("Verschoben: ")
    assert "Dienstag, 8. Oktober 2024, 14:00 Uhr" in notice["Subject"]
    event = calendar_of(notice).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == at(new_day, 14)
    assert sink.to(email_of("Max")) == [], "Max joined after the reminder and knows no old time"
    clock.set(P1D_DUE)
    assert reminders.sweep().sent == 0, "the old P1D reminder is not sent"
    clock.set(datetime(2024, 10, 7, 12, 0, tzinfo=UTC))
    assert reminders.sweep().sent == 2
    assert reminders.sweep().sent == 0


def test_a_cancelled_meeting_sends_notices_to_the_reminded_and_nothing_else(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.join("John", locale="en")
    scenario.join("Paul")
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    scenario.leave("Paul")
    scenario.join("Max")
    scenario.app.cancel_meeting(scenario.series_id, meeting_id, actor="anna", reason="Krankheit")
    reminders.sweep()
    eva_notice = sink.to(email_of("Eva"))[-1]
    john_notice = sink.to(email_of("John"))[-1]
    assert eva_notice["Subject"].startswith("Abgesagt: ")
    assert john_notice["Subject"].startswith("Cancelled: ")
    assert "Grund der Absage: Krankheit" in text_of(eva_notice)
    assert "Reason: Krankheit" in text_of(john_notice)
    assert '<th align="left">Reason</th><td>Krankheit</td>' in html_of(john_notice)
    calendar = calendar_of(eva_notice)
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert len(sink.to(email_of("Paul"))) == 1, "Paul left: no notice"
    assert sink.to(email_of("Max")) == [], "Max was never reminded"
    clock.set(P1D_DUE)
    reminders.sweep()
    assert len(sink.messages) == 5
    assert len(dispatches.listing(status="sent")) == 5


def test_withdrawing_the_series_tells_the_reminded_and_drops_the_rest(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    scenario.join("Max")
    scenario.app.withdraw_series(scenario.series_id, actor="anna", reason="Zu wenig Anmeldungen")
    reminders.sweep()
    reminder, notice = sink.to(email_of("Eva"))
    assert notice["Subject"].startswith("Abgesagt: ")
    assert "Grund der Absage: Zu wenig Anmeldungen" in text_of(notice)
    assert calendar_of(notice).walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert sink.to(email_of("Max")) == [], "Max was never reminded"
    clock.set(P1D_DUE)
    assert reminders.sweep().sent == 0, "the later reminders are dropped"
    assert len(sink.messages) == 2


def test_closing_the_series_tells_the_reminded_of_what_was_still_planned(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    kickoff = scenario.schedule_kickoff()
    exchange = schedule(scenario.app, scenario.series_id, "exchange", date(2024, 10, 15))
    clock.set(datetime(2024, 10, 1, 12, 0, tzinfo=UTC))
    scenario.app.mark_meeting_held(scenario.series_id, kickoff, actor="anna")
    clock.set(datetime(2024, 10, 8, 8, 0, tzinfo=UTC))
    reminders.sweep()
    [reminder] = [m for m in sink.to(email_of("Eva")) if "15. Oktober" in m["Subject"]]
    scenario.app.hold_reflection(scenario.series_id, actor="anna")
    scenario.app.close_series(scenario.series_id, actor="anna")
    reminders.sweep()
    notice = sink.to(email_of("Eva"))[-1]
    assert notice["Subject"].startswith("Abgesagt: ") and "15. Oktober" in notice["Subject"]
    assert "Grund der Absage: Die Peer-Learning-Reihe wurde abgeschlossen." in text_of(notice)
    assert calendar_of(notice).walk("VEVENT")[0]["UID"] == meeting_uid(exchange)


def test_the_next_reminder_goes_to_the_corrected_address_in_the_corrected_language(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    eva = scenario.join("Eva")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    changes = {"email": "eva.neu@example.org", "locale": "en", "timezone": "Europe/London"}
    scenario.app.correct_participant(scenario.enrollment_id, eva, changes, actor="anna")
    clock.set(P1D_DUE)
    reminders.sweep()
    [first] = sink.to(email_of("Eva"))
    [second] = sink.to("eva.neu@example.org")
    assert first["Subject"].startswith("Erinnerung: ")
    assert second["Subject"].startswith("Reminder: ") and second["Content-Language"] == "en"
    assert "09:00–11:00 (Europe/London)" in text_of(second)


def test_a_corrected_meeting_tells_the_reminded_what_changed_and_reminds_no_one_twice(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    scenario.join("John", locale="en")
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    clock.set(P7D_DUE + timedelta(hours=1))
    new_link = "https://video.example.org/neuer-raum"
    scenario.app.correct_meeting(
        scenario.series_id, meeting_id, {"video_url": new_link}, actor="anna"
    )
    reminders.sweep()

    [_, eva_notice] = sink.to(email_of("Eva"))
    [_, john_notice] = sink.to(email_of("John"))
    assert eva_notice["Subject"].startswith("Geänderte Angaben: ")
    assert john_notice["Subject"].startswith("Updated details: ")
    assert new_link in text_of(eva_notice)
    event = calendar_of(eva_notice).walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1 and str(event["URL"]) == new_link
    assert reminders.sweep().sent == 0, "the P7D reminder went out for these times already"
    clock.set(P1D_DUE)
    assert reminders.sweep().sent == 2, "the next reminder still goes, with the new link"
    assert new_link in text_of(sink.to(email_of("Eva"))[-1])


def test_a_move_after_a_correction_is_told_as_a_move(
    scenario: Scenario, reminders: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    reminders.sweep()
    clock.set(P7D_DUE + timedelta(hours=1))
    scenario.app.correct_meeting(scenario.series_id, meeting_id, {"title": "Start"}, actor="a")
    new_day = date(2024, 10, 8)
    scenario.app.reschedule_meeting(
        scenario.series_id, meeting_id, at(new_day, 14), at(new_day, 16), actor="anna"
    )
    reminders.sweep()

    [notice] = sink.to(email_of("Eva"))[1:]
    assert notice["Subject"].startswith("Verschoben: ")
    assert "Start" in text_of(notice)
