"""The mails of a seat and of a series' end: moving up from the waiting list, the series
closed or withdrawn. In each reader's language, sent once through a claim, listed with the
reminders."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

import pytest

from demo.catalogue import load_demo
from peerlearning.bootstrap import Services
from scheduler.dispatch_queries import DispatchQueries
from scheduler.service import ReminderService, build_service
from scheduler.settings import ReminderSettings
from tests.scheduler.mail_texts import text_of
from tests.scheduler.scenario import P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.scheduler.test_registration_mails import confirmed, subjects
from tests.support.clock import FakeClock
from tests.support.demo_store import DEMO_NOW
from tests.support.samples import announce, municipality, schedule


def titled(sink: SmtpSink, address: str, start: str) -> list[str]:
    return [str(m["Subject"]) for m in sink.to(address) if str(m["Subject"]).startswith(start)]


def listed(services: Services, purpose: str) -> list[tuple[UUID, str]]:
    rows = DispatchQueries(services.db).listing()
    return sorted((d["participant_id"], d["status"]) for d in rows if d["purpose"] == purpose)


def first_seat_taken(services: Services, series_id: UUID) -> UUID:
    first = municipality("Gemeinde Erste")
    enrollment_id, _ = services.app.enrol(series_id, first, "Eva", "eva@erste.example", "anna")
    return enrollment_id  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("locale", "subject", "words"),
    [
        ("de", "Ein Platz ist frei: ", "rückt von der Warteliste nach"),
        ("en", "A seat is free for you: ", "moves up from the waiting list"),
    ],
)
def test_moving_up_sends_each_person_one_mail_in_their_language(
    services: Services,
    mails: ReminderService,
    settings: ReminderSettings,
    sink: SmtpSink,
    locale: str,
    subject: str,
    words: str,
) -> None:
    series_id = announce(services.app, capacity=1)
    schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    first = first_seat_taken(services, series_id)
    waiting = confirmed(services, series_id, locale, "Wartingen")
    services.app.accept_registration(waiting, actor="anna")
    mails.sweep()
    assert titled(sink, f"ole.{locale}@wartingen.example", subject) == []

    services.app.withdraw_enrollment(first, actor="anna", reason="Keine Zeit")
    moved = mails.sweep()
    again = mails.sweep()
    other = build_service(
        services.app, services.views, services.db, settings, owner="other", links=services.links
    )
    elsewhere = other.sweep()

    assert (moved.sent, again.sent, elsewhere.sent) == (2, 0, 0)
    contact = f"ole.{locale}@wartingen.example"
    [mail] = [m for m in sink.to(contact) if str(m["Subject"]).startswith(subject)]
    body = mail.get_body(("plain",)).get_content()
    assert mail["Content-Language"] == locale and words in body
    assert f"/peer-learnings/{series_id}/calendar.ics" in body
    [ics] = list(mail.iter_attachments())
    assert b"BEGIN:VEVENT" in ics.get_payload(decode=True)
    assert titled(sink, "pia@wartingen.example", "A seat is free for you: ") != []
    assert len(titled(sink, "pia@wartingen.example", "A seat is free for you: ")) == 1
    admitted = ("Sie sind dabei", "You are in")
    assert not any(s.startswith(admitted) for s in subjects(sink, contact)), "no second welcome"
    assert [status for _, status in listed(services, "moved-up")] == ["sent", "sent"]


def test_a_contact_without_a_language_moves_up_in_german(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app, capacity=1)
    first = first_seat_taken(services, series_id)
    second = municipality("Gemeinde Zweite")
    services.app.enrol(series_id, second, "Zoe", "zoe@zweite.example", "anna")

    services.app.reject_enrollment(first, "Doppelt angemeldet", actor="anna")
    mails.sweep()
    mails.sweep()

    [mail] = sink.to("zoe@zweite.example")
    assert str(mail["Subject"]).startswith("Ein Platz ist frei: ")
    assert mail["Content-Language"] == "de" and "Guten Tag Zoe" in text_of(mail)
    assert sink.to("eva@erste.example") == []


def test_a_contact_the_team_enrolled_in_english_moves_up_in_english(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app, capacity=1)
    schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    first = first_seat_taken(services, series_id)
    second = municipality("Gemeinde Zweite")
    services.app.enrol(series_id, second, "Zoe", "zoe@zweite.example", "anna", contact_locale="en")

    services.app.reject_enrollment(first, "Doppelt angemeldet", actor="anna")
    mails.sweep()
    mails.sweep()

    [mail] = sink.to("zoe@zweite.example")
    assert str(mail["Subject"]).startswith("A seat is free for you: ")
    assert mail["Content-Language"] == "en" and "moves up from the waiting list" in text_of(mail)
    [ics] = list(mail.iter_attachments())
    assert b"SUMMARY:Kick-off meeting: " in ics.get_payload(decode=True)


def test_the_english_contact_who_moved_up_reads_the_cancellation_in_english(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app, capacity=1)
    kickoff = schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    first = first_seat_taken(services, series_id)
    second = municipality("Gemeinde Zweite")
    services.app.enrol(series_id, second, "Zoe", "zoe@zweite.example", "anna", contact_locale="en")
    services.app.reject_enrollment(first, "Doppelt angemeldet", actor="anna")
    mails.sweep()

    services.app.cancel_meeting(series_id, kickoff, actor="anna", reason="Krankheit")
    mails.sweep()

    [_, cancellation] = sink.to("zoe@zweite.example")
    assert str(cancellation["Subject"]).startswith("Cancelled: ")
    assert cancellation["Content-Language"] == "en"


def seated_and_waiting(services: Services, series_id: UUID) -> None:
    """Ortheim has the one seat (Ole in German, Pia in English); Wartingen waits (Ole in
    English, Pia) and so does Erste, enrolled by the team, whose contact Eva also joined under
    the same address, and whose Gus left."""
    ortheim = confirmed(services, series_id, "de", "Ortheim")
    services.app.accept_registration(ortheim, actor="anna")
    wartingen = confirmed(services, series_id, "en", "Wartingen")
    services.app.accept_registration(wartingen, actor="anna")
    erste = first_seat_taken(services, series_id)
    services.app.join(erste, "Eva", "eva@erste.example", actor="anna")
    gone = services.app.join(erste, "Gus", "gus@erste.example", actor="anna")
    services.app.leave(erste, gone, actor="anna")


EVERYONE = (
    "ole.de@ortheim.example",
    "pia@ortheim.example",
    "ole.en@wartingen.example",
    "pia@wartingen.example",
    "eva@erste.example",
)


def test_withdrawing_a_series_sends_everyone_one_mail_with_the_reason(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app, capacity=1)
    schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    seated_and_waiting(services, series_id)
    mails.sweep()

    services.app.withdraw_series(series_id, actor="anna", reason="Zu wenig Anmeldungen")
    first = mails.sweep()
    second = mails.sweep()

    assert (first.sent, second.sent) == (7, 0)  # and the kickoff cancelled in two calendars
    assert len(titled(sink, "ole.de@ortheim.example", "Abgesagt: ")) == 1
    assert len(titled(sink, "pia@ortheim.example", "Cancelled: ")) == 1
    for address in EVERYONE:
        ended = [
            *titled(sink, address, "Peer-Learning abgesagt"),
            *titled(sink, address, "Peer-Learning withdrawn"),
        ]
        assert len(ended) == 1, address
    [ole] = [m for m in sink.to("ole.de@ortheim.example") if "abgesagt" in str(m["Subject"])]
    assert "Der Grund: Zu wenig Anmeldungen" in ole.get_content()
    assert "20. September 2024" in ole.get_content()
    [pia] = [m for m in sink.to("pia@wartingen.example") if "withdrawn" in str(m["Subject"])]
    assert "The reason: Zu wenig Anmeldungen" in pia.get_content()
    assert pia["Content-Language"] == "en"
    assert sink.to("gus@erste.example") == [], "Gus left before"
    assert [status for _, status in listed(services, "series-withdrawn")] == ["sent"] * 5


def test_closing_a_series_sends_everyone_one_mail(
    services: Services, mails: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    series_id = announce(services.app, capacity=1)
    kickoff = schedule(services.app, series_id, "kickoff", date(2024, 10, 1))
    schedule(services.app, series_id, "exchange", date(2024, 11, 5))
    seated_and_waiting(services, series_id)
    clock.set(datetime(2024, 10, 1, 12, 0, tzinfo=UTC))
    services.app.mark_meeting_held(series_id, kickoff, actor="anna")
    services.app.hold_reflection(series_id, actor="anna")
    mails.sweep()

    services.app.close_series(series_id, actor="anna")
    first = mails.sweep()
    second = mails.sweep()

    assert (first.sent, second.sent) == (7, 0)  # and the exchange cancelled in two calendars
    assert len(titled(sink, "ole.de@ortheim.example", "Abgesagt: ")) == 1
    assert len(titled(sink, "pia@ortheim.example", "Cancelled: ")) == 1
    for address in EVERYONE:
        ended = [
            *titled(sink, address, "Peer-Learning abgeschlossen"),
            *titled(sink, address, "Peer-Learning closed"),
        ]
        assert len(ended) == 1, address
    [ole] = [m for m in sink.to("ole.de@ortheim.example") if "abgeschl" in str(m["Subject"])]
    assert "seit Dienstag, 1. Oktober 2024 abgeschlossen" in ole.get_content()
    assert "Der Grund" not in ole.get_content()
    assert sink.to("gus@erste.example") == []


def test_a_withdrawal_sends_one_mail_and_cancels_only_what_each_was_reminded_of(
    scenario: Scenario, mails: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    scenario.join("Eva")
    scenario.schedule_kickoff()
    schedule(scenario.app, scenario.series_id, "exchange", date(2024, 11, 5))
    schedule(scenario.app, scenario.series_id, "exchange", date(2024, 12, 3))
    clock.set(P7D_DUE)
    mails.sweep()
    scenario.join("Max")

    scenario.app.withdraw_series(scenario.series_id, actor="anna")
    mails.sweep()
    mails.sweep()

    eva = sorted(str(m["Subject"]).split(":")[0] for m in sink.to(email_of("Eva")))
    assert eva == ["Abgesagt", "Erinnerung", "Peer-Learning abgesagt"]
    [max_mail] = sink.to(email_of("Max"))
    assert str(max_mail["Subject"]).startswith("Peer-Learning abgesagt: "), "Max was not reminded"
    [clara] = sink.to("clara@example.org")  # the contact, told once too
    assert str(clara["Subject"]).startswith("Peer-Learning abgesagt: ")
    assert "Der Grund" not in text_of(clara), "no reason was given"


@pytest.mark.parametrize(
    ("effective_on", "told"),
    [(date(2024, 9, 18), True), (date(2024, 9, 17), False)],  # the lookback is P2D
)
def test_an_end_is_told_only_while_its_day_lies_within_the_lookback(
    services: Services, mails: ReminderService, sink: SmtpSink, effective_on: date, told: bool
) -> None:
    series_id = announce(services.app, capacity=1)
    seated_and_waiting(services, series_id)
    mails.sweep()

    services.app.withdraw_series(series_id, actor="anna", effective_on=effective_on)
    ended = mails.sweep()

    assert ended.sent == (5 if told else 0)
    assert len(listed(services, "series-withdrawn")) == (5 if told else 0)
    withdrawn = [m for a in EVERYONE for m in titled(sink, a, "Peer-Learning abgesagt")]
    assert bool(withdrawn) is told


def test_loading_the_demo_tells_no_one_of_its_past(
    services: Services, mails: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    """The demo records its closed series today, on days long past: no mail says they just
    closed."""
    clock.set(DEMO_NOW)
    load_demo(services)

    first = mails.sweep()

    assert (first.sent, first.failed, first.deferred) == (0, 0, 0)
    assert sink.messages == []
    assert DispatchQueries(services.db).listing() == []
