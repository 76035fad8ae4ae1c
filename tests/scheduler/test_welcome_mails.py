"""Who joins an enrolment after its seat's mail gets a welcome of their own, once, in their
language, with the upcoming meetings as .ics: as those present at the admission did."""

from __future__ import annotations

from datetime import date

import pytest

from calendars.ics import meeting_uid
from peerlearning.bootstrap import Services
from scheduler.service import ReminderService
from tests.scheduler.mail_texts import link_after, text_of, token_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.scheduler.test_changes import calendar_of
from tests.scheduler.test_course_mails import first_seat_taken, titled
from tests.scheduler.test_registration_mails import confirmed, subjects
from tests.support.samples import announce, schedule

WELCOME = ("Willkommen: ", "Welcome: ")


def welcomes(sink: SmtpSink, address: str) -> list[object]:
    return [m for m in sink.to(address) if str(m["Subject"]).startswith(WELCOME)]


@pytest.mark.parametrize(
    ("locale", "subject", "words"),
    [("de", "Willkommen: ", "Sie nehmen nun für"), ("en", "Welcome: ", "you now take part")],
)
def test_who_joins_after_the_admission_is_welcomed_once_with_the_upcoming_meetings(
    services: Services,
    mails: ReminderService,
    sink: SmtpSink,
    locale: str,
    subject: str,
    words: str,
) -> None:
    series_id = announce(services.app)
    kickoff = schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    enrollment_id, _ = services.app.accept_registration(
        confirmed(services, series_id, "de", "Ortheim"), actor="anna"
    )
    mails.sweep()
    services.app.join(enrollment_id, "Jan Neu", "jan@ortheim.example", "anna", locale)

    first = mails.sweep()
    second = mails.sweep()

    assert (first.sent, second.sent) == (1, 0)
    [mail] = sink.to("jan@ortheim.example")
    assert str(mail["Subject"]).startswith(subject) and mail["Content-Language"] == locale
    assert words in text_of(mail) and f"/peer-learnings/{series_id}/calendar.ics" in text_of(mail)
    link = services.links.self_service_of(token_of(link_after(mail, ":\n")))
    assert link.enrollment_id == enrollment_id
    assert [e["UID"] for e in calendar_of(mail).walk("VEVENT")] == [meeting_uid(kickoff)]
    assert welcomes(sink, "ole.de@ortheim.example") == welcomes(sink, "pia@ortheim.example") == []

    services.app.cancel_meeting(series_id, kickoff, actor="anna")
    mails.sweep()
    assert len(sink.to("jan@ortheim.example")) == 2, "the welcome's calendar holds the kickoff"


def test_who_joins_after_moving_up_is_welcomed_and_not_moved_up(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app, capacity=1)
    schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    first = first_seat_taken(services, series_id)
    waiting, _ = services.app.accept_registration(
        confirmed(services, series_id, "en", "Wartingen"), actor="anna"
    )
    services.app.join(waiting, "Jan Warte", "jan@wartingen.example", "anna", "de")
    mails.sweep()

    services.app.withdraw_enrollment(first, actor="anna")
    services.app.join(waiting, "Lu Spaet", "lu@wartingen.example", "anna", "en")
    mails.sweep()
    mails.sweep()

    for present in ("ole.en@wartingen.example", "pia@wartingen.example"):
        assert len(titled(sink, present, "A seat is free for you: ")) == 1, present
    assert subjects(sink, "jan@wartingen.example") == ["Ein Platz ist frei"]
    assert subjects(sink, "lu@wartingen.example") == ["Welcome"]
