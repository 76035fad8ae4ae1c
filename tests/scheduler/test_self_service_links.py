"""Every mail to a person carries their own self-service link, in their language, signed anew
for each mail: reminders, and the admitted and waitlisted answers to a registration."""

from __future__ import annotations

import re
from datetime import date, timedelta
from email.message import EmailMessage
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import pytest

from application.links import SELF_SERVICE_PATH, SELF_SERVICE_WINDOW, ExpiredLink, PersonLink
from peerlearning.bootstrap import Services
from scheduler.service import ReminderService
from tests.scheduler.mail_texts import link_after, text_of, token_of
from tests.scheduler.scenario import P1D_DUE, P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.scheduler.test_registration_mails import confirmed
from tests.support.clock import FakeClock
from tests.support.samples import announce, municipality, schedule

LINE = {"de": "Ihre Angaben und Einstellungen: ", "en": "Your details and settings: "}
OUTCOME_LINE = {"de": "oder die Reihe verlassen:", "en": "or leave the series:"}


def self_service_url(mail: EmailMessage, lang: str) -> str:
    return link_after(mail, LINE[lang])


def test_each_reminder_carries_the_readers_own_page_in_their_language(
    scenario: Scenario,
    mails: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
    services: Services,
) -> None:
    eva = scenario.join("Eva")
    john = scenario.join("John", locale="en")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)

    assert mails.sweep().sent == 2

    for name, person, lang in (("Eva", eva, "de"), ("John", john, "en")):
        [mail] = sink.to(email_of(name))
        url = self_service_url(mail, lang)
        address = urlsplit(url)
        assert address.path == SELF_SERVICE_PATH
        assert parse_qs(address.query).get("lang") == (["en"] if lang == "en" else None)
        link = services.links.self_service_of(token_of(url))
        assert link == PersonLink(scenario.enrollment_id, person)


def test_each_mail_renews_the_link_for_as_long_again(
    scenario: Scenario,
    mails: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
    services: Services,
) -> None:
    scenario.join("Eva")
    scenario.schedule_kickoff()
    clock.set(P7D_DUE)
    mails.sweep()
    clock.set(P1D_DUE)
    mails.sweep()
    first, second = (token_of(self_service_url(m, "de")) for m in sink.to(email_of("Eva")))

    clock.set(P7D_DUE + SELF_SERVICE_WINDOW + timedelta(hours=1))

    with pytest.raises(ExpiredLink):
        services.links.self_service_of(first)
    assert services.links.self_service_of(second).participant_id == scenario.people["Eva"]


PLACED = {
    ("de", False): "Sie sind dabei",
    ("en", False): "You are in",
    ("de", True): "Warteliste",
    ("en", True): "Waiting list",
}


@pytest.mark.parametrize("full", [False, True])
def test_the_admitted_and_waitlisted_answers_carry_each_persons_page(
    services: Services, mails: ReminderService, sink: SmtpSink, full: bool
) -> None:
    series_id = announce(services.app, capacity=1)
    schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    if full:
        place = municipality("Gemeinde Erste")
        services.app.enrol(series_id, place, "Eva", "eva@erste.example", "anna")
    registration_id = confirmed(services, series_id, "de", "Ortheim")
    enrollment_id, status = services.app.accept_registration(registration_id, actor="anna")
    assert status == ("waitlisted" if full else "admitted")

    mails.sweep()

    registration = services.app.registration(registration_id)
    assert len(registration.people) == 2
    for person in registration.people:
        lang = str(person.locale)
        subject = PLACED[(lang, full)]
        received = sink.to(person.person.email)
        [placed] = [m for m in received if str(m["Subject"]).startswith(subject)]
        [url] = re.findall(re.escape(OUTCOME_LINE[lang]) + r"\s+(\S+)", text_of(placed))
        assert urlsplit(url).path == SELF_SERVICE_PATH
        link = services.links.self_service_of(token_of(url))
        assert link == PersonLink(UUID(str(enrollment_id)), person.participant_id)
    received = [m for m in sink.to("ole.de@ortheim.example") if "eingegangen" in str(m["Subject"])]
    assert SELF_SERVICE_PATH not in received[0].get_content()  # not yet taking part


def test_the_moved_up_mail_carries_each_participants_page(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app, capacity=1)
    first = municipality("Gemeinde Erste")
    first_id, _ = services.app.enrol(series_id, first, "Eva", "eva@erste.example", "anna")
    registration_id = confirmed(services, series_id, "en", "Wartingen")
    enrollment_id, _ = services.app.accept_registration(registration_id, actor="anna")
    mails.sweep()

    services.app.withdraw_enrollment(first_id, actor="anna", reason="Keine Zeit")
    mails.sweep()

    for person in services.app.registration(registration_id).people:
        [mail] = [m for m in sink.to(person.person.email) if "seat is free" in str(m["Subject"])]
        [url] = re.findall(re.escape(OUTCOME_LINE["en"]) + r"\s+(\S+)", text_of(mail))
        link = services.links.self_service_of(token_of(url))
        assert link == PersonLink(UUID(str(enrollment_id)), person.participant_id)
