"""The confirmation mail of a registration: in the contact's language, with exactly one link
that confirms through its page's POST, sent once, listed with the reminders."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from email import message_from_bytes, policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from urllib.parse import urlparse
from uuid import UUID

import pytest
from icalendar import Calendar

from application.links import ConfirmationLink, Links
from audit.erasure import erase_subject
from domain.errors import RegistrationNotChangeable
from domain.registration import CONFIRMATION_WINDOW, RegistrationState
from peerlearning.bootstrap import Services
from scheduler.dispatch_queries import DispatchQueries
from scheduler.outcome_letters import outcome_letters
from scheduler.registration_outcomes import NOTE, outcome_message
from scheduler.service import ReminderService
from tests.scheduler.mail_texts import token_of
from tests.scheduler.scenario import PUBLIC_URL
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.keys import key_for
from tests.support.samples import announce, municipality, schedule


def register(services: Services, locale: str, name: str = "Gemeinde Eifrig") -> UUID:
    series_id = announce(services.app)
    contact = {"name": "Ella Eifrig", "email": f"ella.{locale}@eifrig.example", "locale": locale}
    registration_id, _ = services.app.register(
        series_id, {"name": name, "key": key_for(name)}, contact, [], "public"
    )
    return registration_id


def only_link(mail: EmailMessage) -> str:
    body = mail.get_content()
    found = re.findall(r"https?://\S+", body)
    assert len(found) == 1, body
    return str(found[0])


@pytest.mark.parametrize(
    ("locale", "subject", "words"),
    [
        ("de", "Bitte bestätigen Sie Ihre Anmeldung", "Der Link gilt bis"),
        ("en", "Please confirm your registration", "The link is valid until"),
    ],
)
def test_the_contact_is_asked_once_in_their_language_with_one_link(
    services: Services,
    mails: ReminderService,
    sink: SmtpSink,
    links: Links,
    locale: str,
    subject: str,
    words: str,
) -> None:
    registration_id = register(services, locale)

    first = mails.sweep()
    second = mails.sweep()

    assert (first.sent, second.sent) == (1, 0)
    [mail] = sink.to(f"ella.{locale}@eifrig.example")
    assert str(mail["Subject"]).startswith(subject) and mail["Content-Language"] == locale
    assert words in mail.get_content()
    link = urlparse(only_link(mail))
    assert f"{link.scheme}://{link.netloc}" == PUBLIC_URL
    token = token_of(only_link(mail))
    assert links.confirmation_of(token, CONFIRMATION_WINDOW) == ConfirmationLink(registration_id, 1)
    listed = DispatchQueries(services.db).listing()
    assert [(d["purpose"], d["status"]) for d in listed] == [("registration-confirm", "sent")]


def test_a_registration_already_confirmed_or_overdue_is_not_asked(
    services: Services, mails: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    quick = register(services, "de", "Gemeinde Schnell")
    services.app.confirm_registration(quick, actor="public:p-1")
    register(services, "en", "Gemeinde Langsam")
    clock.advance(CONFIRMATION_WINDOW + timedelta(seconds=1))

    mails.sweep()

    assert subjects(sink, "ella.de@eifrig.example") == ["Anmeldung eingegangen"]
    assert sink.to("ella.en@eifrig.example") == []


def test_a_busy_mail_server_defers_and_the_mail_goes_once_later(
    services: Services, mails: ReminderService, sink: SmtpSink, clock: FakeClock
) -> None:
    register(services, "de")
    sink.handler.busy_replies = 1

    deferred = mails.sweep()
    clock.advance(timedelta(hours=1))
    sent = mails.sweep()
    again = mails.sweep()

    assert (deferred.deferred, sent.sent, again.sent) == (1, 1, 0)
    assert len(sink.messages) == 1


def confirmed(services: Services, series_id: UUID, locale: str, name: str) -> UUID:
    contact = {"name": "Ole Ort", "email": f"ole.{locale}@{name.lower()}.example", "locale": locale}
    further = [{"name": "Pia Platz", "email": f"pia@{name.lower()}.example", "locale": "en"}]
    registration_id, _ = services.app.register(
        series_id, {"name": name, "key": key_for(name)}, contact, further, "public"
    )
    services.app.confirm_registration(registration_id, actor="public:p-1")
    return registration_id


def subjects(sink: SmtpSink, address: str) -> list[str]:
    return sorted(str(m["Subject"]).split(":")[0] for m in sink.to(address))


WORDS = {  # the kick-off's kind and the end of its description's first line, in each language
    "de": ("Auftakttreffen", "von Stadt Wuppertal."),
    "en": ("Kick-off meeting", "by Stadt Wuppertal."),
}


def calendar_words(mail: EmailMessage) -> tuple[str, str]:
    """The kind in the summary of the one event the mail's .ics holds, and the last words of
    its description's first line."""
    [ics] = list(mail.iter_attachments())
    [event] = Calendar.from_ical(ics.get_payload(decode=True)).walk("VEVENT")
    first_line = str(event["DESCRIPTION"]).splitlines()[0]
    return str(event["SUMMARY"]).partition(":")[0], " ".join(first_line.split()[-3:])


@pytest.mark.parametrize(
    ("locale", "received", "admitted"),
    [
        ("de", "Anmeldung eingegangen", "Sie sind dabei"),
        ("en", "Registration received", "You are in"),
    ],
)
def test_received_then_admitted_with_the_planned_meetings_and_the_feed(
    services: Services,
    mails: ReminderService,
    sink: SmtpSink,
    locale: str,
    received: str,
    admitted: str,
) -> None:
    series_id = announce(services.app)
    schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    registration_id = confirmed(services, series_id, locale, "Ortheim")
    mails.sweep()
    enrollment_id, _ = services.app.accept_registration(registration_id, actor="anna")

    mails.sweep()
    mails.sweep()

    assert services.app.enrollment(enrollment_id).contact_locale == locale
    contact = f"ole.{locale}@ortheim.example"
    assert subjects(sink, contact) == sorted([received, admitted])  # confirmed before any sweep
    [welcome] = [m for m in sink.to(contact) if str(m["Subject"]).startswith(admitted)]
    assert f"/peer-learnings/{series_id}/calendar.ics" in welcome.get_body(("plain",)).get_content()
    [ics] = [part for part in welcome.iter_attachments()]
    assert ics.get_content_type() == "text/calendar"
    assert b"BEGIN:VCALENDAR" in ics.get_payload(decode=True)
    assert subjects(sink, "pia@ortheim.example") == ["You are in"]
    [pia] = sink.to("pia@ortheim.example")
    assert calendar_words(welcome) == WORDS[locale]
    assert calendar_words(pia) == WORDS["en"]  # each reader's own language, not the contact's
    [note] = sink.to("startsmart@example.org")
    assert str(note["Subject"]) == "Neue Anmeldung: Ortheim"
    assert "ole" not in note.get_content()  # the team reads who in the review, not in a mail


def test_a_full_series_waitlists_with_the_position_and_a_decline_names_its_reason(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    series_id = announce(services.app, capacity=1)
    services.app.enrol(series_id, municipality("Gemeinde Erste"), "Eva", "eva@erste.example", "a")
    waiting = confirmed(services, series_id, "de", "Wartingen")
    declined = confirmed(services, series_id, "en", "Absagen")
    services.app.accept_registration(waiting, actor="anna")
    services.app.decline_registration(declined, "The series is for smaller towns.", "anna")

    mails.sweep()

    [wait] = [m for m in sink.to("ole.de@wartingen.example") if "Warteliste" in str(m["Subject"])]
    assert "Platz 1 der Warteliste" in wait.get_content()
    [no] = [
        m for m in sink.to("ole.en@absagen.example") if "Your registration" in str(m["Subject"])
    ]
    assert "The reason: The series is for smaller towns." in no.get_content()
    assert sink.to("pia@absagen.example") == []
    again = mails.sweep()
    assert again.sent == 0


def test_a_registration_declined_before_it_was_confirmed_mails_nothing_to_its_address(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    registration_id = register(services, "en")
    mails.sweep()  # asks to confirm
    [asked] = sink.to("ella.en@eifrig.example")

    services.app.decline_registration(registration_id, "Secret reason of the team.", "anna")
    told = mails.sweep()

    assert told.sent == 0
    assert sink.to("ella.en@eifrig.example") == [asked]
    assert services.app.registration(registration_id).state == RegistrationState.DECLINED


def asked_and_told(
    services: Services, mails: ReminderService, sink: SmtpSink, series_id: UUID, name: str
) -> list[EmailMessage]:
    """The mails to Dornstadt's contact `name`: asked to confirm, then told it was received."""
    contact = {"name": name, "email": "ziel@dornstadt.example", "locale": "de"}
    registration_id, _ = services.app.register(
        series_id, {"name": "Dornstadt", "key": key_for("Dornstadt")}, contact, [], "public"
    )
    mails.sweep()  # asks to confirm
    services.app.confirm_registration(registration_id, actor="public:p-1")
    mails.sweep()  # says it was received
    return [m for m in sink.messages if "ziel@dornstadt.example" in str(m["To"])]


@pytest.mark.parametrize(
    "name", ["Jürgen <boss@attacker.example>, Team", 'Gréta "Q" <x@attacker.example>']
)
def test_a_name_that_holds_an_address_stays_the_name_of_one_recipient(
    services: Services, mails: ReminderService, sink: SmtpSink, name: str
) -> None:
    letters = asked_and_told(services, mails, sink, announce(services.app), name)
    assert len(letters) == 2
    for letter in letters:
        [only] = letter["To"].addresses
        assert (only.display_name, only.addr_spec) == (name, "ziel@dornstadt.example")


SMUGGLED = "Reply-To: boss@attacker.example"


def as_read(raw: str) -> str:
    """A header as a mail reader shows it: its encoded words decoded (RFC 2047)."""
    return str(make_header(decode_header(raw)))


@pytest.mark.parametrize(
    "encoded",
    [
        "=?utf-8?q?Eva=0D=0AReply-To:_boss@attacker.example=0D=0A=0D=0A<h1>Hi</h1>?=",
        "=?utf-8?b?RXZhDQpSZXBseS1UbzogYm9zc0BhdHRhY2tlci5leGFtcGxl?=",
    ],
)
def test_an_encoded_word_in_a_name_or_title_stays_text_and_adds_no_header(
    services: Services, mails: ReminderService, sink: SmtpSink, encoded: str
) -> None:
    series_id = announce(services.app, title=f"Sprechstunde {encoded}")
    letters = asked_and_told(services, mails, sink, series_id, encoded)
    assert len(letters) == 2
    for letter in letters:
        assert letter["Reply-To"] is None and SMUGGLED not in letter.as_string()
        [only] = letter["To"].addresses
        assert only.addr_spec == "ziel@dornstadt.example"
        raw = dict(letter.raw_items())
        assert as_read(raw["To"]) == f"{encoded} <ziel@dornstadt.example>"
        assert as_read(raw["Subject"]).endswith(f"Sprechstunde {encoded}")
        assert "Dornstadt" in letter.get_body(("plain",)).get_content()


def test_a_contact_erased_before_confirming_is_not_asked(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    registration_id = register(services, "de", "Gemeinde Kirchhundem")
    contact = services.app.registration(registration_id).contact.participant_id
    erase_subject(services.app, services.audit.keys, contact, actor="anna")

    tally = mails.sweep()

    assert (tally.sent, tally.failed, sink.messages) == (0, 0, [])
    assert DispatchQueries(services.db).listing() == []


def test_a_registration_whose_contact_was_erased_is_neither_confirmed_nor_accepted(
    services: Services,
) -> None:
    waiting = register(services, "de", "Gemeinde Wartend")
    confirmed_one = register(services, "de", "Gemeinde Bestätigt")
    services.app.confirm_registration(confirmed_one, actor="public:p-1")
    for registration_id in (waiting, confirmed_one):
        contact = services.app.registration(registration_id).contact.participant_id
        erase_subject(services.app, services.audit.keys, contact, actor="anna")

    with pytest.raises(RegistrationNotChangeable, match="no one to confirm"):
        services.app.confirm_registration(waiting, actor="public:p-1")
    with pytest.raises(RegistrationNotChangeable, match="needs a contact; decline it"):
        services.app.accept_registration(confirmed_one, actor="anna")
    assert services.app.registration(confirmed_one).state == RegistrationState.CONFIRMED


def test_a_registration_whose_contact_was_erased_starts_over_when_submitted_again(
    services: Services, mails: ReminderService, sink: SmtpSink
) -> None:
    registration_id = register(services, "de", "Gemeinde Neuanfang")
    erased = services.app.registration(registration_id).contact.participant_id
    erase_subject(services.app, services.audit.keys, erased, actor="anna")
    series_id = services.app.registration(registration_id).peer_learning_id
    contact = {"name": "Nora Neu", "email": "nora@neuanfang.example", "locale": "en"}
    place = {"name": "Gemeinde Neuanfang", "key": key_for("Gemeinde Neuanfang")}

    again, recorded = services.app.register(series_id, place, contact, [], "public")
    mails.sweep()

    registration = services.app.registration(registration_id)
    assert (again, recorded) == (registration_id, True)
    assert (registration.contact.person.name, registration.submissions) == ("Nora Neu", 2)
    [asked] = sink.to("nora@neuanfang.example")
    assert "Neuanfang" in asked.get_content()
    services.app.confirm_registration(registration_id, actor="public:p-2", submission=2)
    assert services.app.registration(registration_id).state == RegistrationState.CONFIRMED


def test_the_note_to_the_host_points_to_the_roster_a_host_may_read(
    services: Services, mails: ReminderService, sink: SmtpSink, links: Links, clock: FakeClock
) -> None:
    """The series' contact address is its host's: the registrations are the team's to list
    and accept (a host token gets 403 there); the host reads the roster the municipality
    joins once accepted."""
    series_id = announce(services.app)
    registration_id = confirmed(services, series_id, "de", "Ortheim")

    mails.sweep()

    roster = f"{PUBLIC_URL}/peer-learnings/{series_id}/enrollments"
    [note] = sink.to("startsmart@example.org")
    assert f"GET {roster})" in note.get_content()
    assert "Koordinationsteam" in note.get_content()
    assert "/registrations" not in note.get_content()
    registration = services.app.registration(registration_id)
    [letter] = [
        each
        for each in outcome_letters(services.app, services.views, links, registration)
        if each.purpose == NOTE
    ]
    built = outcome_message(registration_id, replace(letter, locale="en"), "t@x.ex", clock.now())
    english = message_from_bytes(built.as_bytes(), policy=policy.default).get_content()
    assert f"GET {roster})" in english
    assert "coordination team" in english
    assert "/registrations" not in english
