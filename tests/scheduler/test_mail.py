"""The mail itself: wording in German and English, alternatives, the .ics attachment."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from uuid import UUID

import pytest
from icalendar import Calendar

from calendars.ics import meeting_uid
from scheduler.facts import MeetingFacts, Recipient
from scheduler.message import UnbuildableMail, build_message, message_id_for

DISPATCH = UUID("00000000-0000-4000-8000-000000000001")
NOW = datetime(2024, 9, 24, 8, 0, tzinfo=UTC)


def meeting(**changes: object) -> MeetingFacts:
    fields: dict[str, object] = {
        "peer_learning_id": UUID("00000000-0000-4000-8000-00000000000a"),
        "meeting_id": UUID("00000000-0000-4000-8000-00000000000b"),
        "kind": "exchange",
        "starts_at": datetime(2024, 10, 1, 8, 0, tzinfo=UTC),
        "ends_at": datetime(2024, 10, 1, 10, 0, tzinfo=UTC),
        "mode": "virtual",
        "schedule_version": 3,
        "series_title": "Urbane Digitale Zwillinge",
        "host": "Stadt Wuppertal",
        "timezone": "Europe/Berlin",
        "contact_email": "startsmart@example.org",
        "video_url": "https://video.example.org/room?a=1&b=2",
        "agenda_url": "https://example.org/agenda",
    }
    fields.update(changes)
    return MeetingFacts(**fields)  # type: ignore[arg-type]


def person(locale: str = "de", timezone: str | None = None) -> Recipient:
    return Recipient(
        UUID("00000000-0000-4000-8000-0000000000cc"),
        "Eva Müller",
        "eva@example.org",
        locale,
        timezone,
    )


def sent(message: Message) -> EmailMessage:
    """The message as a mail client reads it after SMTP."""
    return message_from_bytes(message.as_bytes(), policy=policy.default)  # type: ignore[return-value]


def calendar(message: EmailMessage) -> Calendar:
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_content())


def test_german_subject_names_series_kind_and_local_time() -> None:
    mail = sent(build_message(DISPATCH, "reminder", meeting(), person(), "PL <pl@x.de>", NOW))
    assert mail["Subject"] == (
        "Erinnerung: Urbane Digitale Zwillinge – Austauschtreffen am Dienstag, "
        "1. Oktober 2024, 10:00 Uhr"
    )
    assert mail["Content-Language"] == "de"
    assert mail["Message-ID"] == message_id_for(DISPATCH)


def test_english_for_locale_en_in_the_participants_zone() -> None:
    reader = person("en", "America/New_York")
    mail = sent(build_message(DISPATCH, "reminder", meeting(), reader, "PL <pl@x.de>", NOW))
    assert mail["Subject"] == (
        "Reminder: Urbane Digitale Zwillinge – Exchange meeting on Tuesday, 1 October 2024, 04:00"
    )
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Tuesday, 1 October 2024, 04:00–06:00 (America/New_York)" in text
    assert "Hello Eva Müller," in text


@pytest.mark.parametrize("locale", ["de", "de-AT", "fr", ""])
def test_german_from_the_catalogue_unless_the_reader_reads_english(locale: str) -> None:
    mail = sent(build_message(DISPATCH, "reminder", meeting(), person(locale), "PL <p@x.de>", NOW))
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert mail["Content-Language"] == "de"
    assert text.startswith("Guten Tag Eva Müller,\n\nwir erinnern Sie an diesen Termin der ")
    assert "Termin: Dienstag, 1. Oktober 2024, 10:00–12:00 Uhr (Europe/Berlin)" in text
    assert text.endswith("Viele Grüße\nIhr Peer-Learning-Team\n")


@pytest.mark.parametrize("purpose", ["reminder", "change", "update", "cancellation"])
def test_a_reflection_mail_reads_as_german_with_every_kind_of_meeting(purpose: str) -> None:
    reflection = meeting(kind="reflection")
    mail = sent(build_message(DISPATCH, purpose, reflection, person("de"), "PL <p@x.de>", NOW))
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert ": Reflexionstermin" in text.split("\n\n")[1]
    assert "das Reflexionstermin" not in text


@pytest.mark.parametrize("locale", ["en", "en-GB", "en_US"])
def test_english_from_the_catalogue_for_any_english_locale(locale: str) -> None:
    mail = sent(build_message(DISPATCH, "change", meeting(), person(locale), "PL <p@x.de>", NOW))
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert mail["Content-Language"] == "en"
    assert mail["Subject"].startswith("Rescheduled: Urbane Digitale Zwillinge – Exchange meeting")
    assert "When: Tuesday, 1 October 2024, 10:00–12:00 (Europe/Berlin)" in text
    assert text.endswith("Kind regards\nThe Peer-Learning team\n")


def test_text_and_html_carry_the_links_and_the_contact() -> None:
    mail = sent(build_message(DISPATCH, "reminder", meeting(), person(), "PL <pl@x.de>", NOW))
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    for body in (text, html):
        assert "Stadt Wuppertal" in body and "startsmart@example.org" in body
        assert "https://example.org/agenda" in body
    assert "Videokonferenz: https://video.example.org/room?a=1&b=2" in text
    assert '<a href="https://video.example.org/room?a=1&amp;b=2">' in html
    assert "vorgesehen" not in text


def test_the_ics_has_the_stable_uid_the_sequence_and_the_local_times() -> None:
    reader = person("de", "Europe/London")
    mail = sent(build_message(DISPATCH, "reminder", meeting(), reader, "PL <pl@x.de>", NOW))
    parsed = calendar(mail)
    assert parsed["METHOD"] == "REQUEST"
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Europe/London"]
    event = parsed.walk("VEVENT")[0]
    assert str(event["UID"]) == meeting_uid(meeting().meeting_id)
    assert event["SEQUENCE"] == 2
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.decoded("DTSTART").isoformat() == "2024-10-01T09:00:00+01:00"
    assert event.decoded("DTEND").astimezone(UTC) == meeting().ends_at
    assert "eva@example.org" in str(event["ATTENDEE"])


def test_a_cancellation_is_method_cancel_and_status_cancelled() -> None:
    mail = sent(build_message(DISPATCH, "cancellation", meeting(), person(), "PL <pl@x.de>", NOW))
    parsed = calendar(mail)
    assert parsed["METHOD"] == "CANCEL"
    assert parsed.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    assert parsed.walk("VEVENT")[0]["SEQUENCE"] == 3, "one more than the last schedule's"
    assert mail["Subject"].startswith("Abgesagt: Urbane Digitale Zwillinge – Austauschtreffen am")


@pytest.mark.parametrize(
    ("locale", "given", "shown"),
    [
        ("de", "Krankheit der Referentin", "Grund der Absage: Krankheit der Referentin"),
        ("en", "Krankheit der Referentin", "Reason: Krankheit der Referentin"),
        ("de", "Peer-Learning geschlossen", "Grund der Absage: Die Peer-Learning-Reihe wurde ab"),
        ("en", "Peer-Learning geschlossen", "Reason: The Peer-Learning series has been closed."),
        ("en", "Peer-Learning zurückgezogen", "Reason: The Peer-Learning series has been withd"),
    ],
)
def test_a_cancellation_names_its_reason(locale: str, given: str, shown: str) -> None:
    facts = meeting(cancel_reason=given)
    mail = sent(build_message(DISPATCH, "cancellation", facts, person(locale), "PL <p@x.de>", NOW))
    assert shown in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    label, _, reason = shown.partition(": ")
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert f'<th align="left">{label}</th><td>{reason}' in html


def test_a_cancellation_without_a_reason_names_none() -> None:
    mail = sent(build_message(DISPATCH, "cancellation", meeting(), person(), "PL <p@x.de>", NOW))
    assert "Grund" not in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_reminder_names_no_reason() -> None:
    facts = meeting(cancel_reason="Krankheit")
    mail = sent(build_message(DISPATCH, "reminder", facts, person(), "PL <p@x.de>", NOW))
    assert "Krankheit" not in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("mode", "shows_video", "shows_location"),
    [("virtual", True, False), ("hybrid", True, True), ("on_site", False, True)],
)
def test_the_body_fits_the_meeting_mode(mode: str, shows_video: bool, shows_location: bool) -> None:
    facts = meeting(mode=mode, location="Rathaus, Raum 1")
    mail = sent(build_message(DISPATCH, "reminder", facts, person(), "PL <pl@x.de>", NOW))
    text = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert ("Videokonferenz:" in text) is shows_video
    assert ("Ort: Rathaus, Raum 1" in text) is shows_location


def test_a_late_reminder_says_so_in_both_languages() -> None:
    for locale, word, note in (
        ("de", "verspätet", "später als vorgesehen"),
        ("en", "late", "later than planned"),
    ):
        message = build_message(
            DISPATCH, "reminder", meeting(), person(locale), "PL <pl@x.de>", NOW, late=True
        )
        mail = sent(message)
        assert f"({word})" in mail["Subject"]
        assert note in mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
        assert note in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "name",
    ["Jörg " * 400, "x" * 3000, "😀" * 300, '"><script>alert(1)</script>'],
)
def test_long_and_hostile_names_fit_the_lines_smtp_allows(name: str) -> None:
    reader = Recipient(UUID(int=7), name, "jo@example.org")
    message = build_message(DISPATCH, "reminder", meeting(), reader, "PL <pl@x.de>", NOW)
    assert max(len(line) for line in message.as_bytes().splitlines()) <= 998
    [address] = sent(message)["To"].addresses
    assert address.addr_spec == "jo@example.org"
    assert address.display_name.replace(" ", "") == name.replace(" ", "")


@pytest.mark.parametrize("name", ["Tom\nBcc: victim@example.org", "A\x00B", "A\u2028B", "A\tB"])
def test_a_name_that_would_break_a_header_is_refused_without_quoting_it(name: str) -> None:
    reader = Recipient(UUID(int=7), name, "tom@example.org")
    with pytest.raises(UnbuildableMail) as refused:
        build_message(DISPATCH, "reminder", meeting(), reader, "PL <pl@x.de>", NOW)
    assert str(refused.value) == "The recipient's name holds a line break or control character."


def test_a_series_title_with_a_line_break_keeps_the_subject_on_one_line() -> None:
    facts = meeting(series_title="Zwillinge\r\nBcc: victim@example.org")
    mail = sent(build_message(DISPATCH, "reminder", facts, person(), "PL <pl@x.de>", NOW))
    assert mail["Subject"].startswith("Erinnerung: Zwillinge  Bcc: victim@example.org – ")
    assert mail["Bcc"] is None
