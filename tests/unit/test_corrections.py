"""Correcting a participant's or a contact's facts: checked as on joining, recorded once."""

from __future__ import annotations

from typing import Any

import pytest

from domain.enrollment import Enrollment
from domain.errors import DuplicateParticipant, EnrollmentClosed, InvalidValue
from domain.values import PersonalData
from tests.unit.builders import NOW
from tests.unit.test_enrollment import enrollment, participant


@pytest.fixture
def admitted() -> Enrollment:
    enrolment = enrollment()
    enrolment.admit(actor="anna")
    return enrolment


def joined(enrolment: Enrollment, email: str = "eva@arnsberg.example") -> Any:
    person = participant(email)
    enrolment.join(person, actor="anna")
    enrolment.collect_events()
    return person.participant_id


def test_a_participant_is_corrected_in_every_field(admitted: Enrollment) -> None:
    eva = joined(admitted)
    changes = {
        "name": "Eva Weiss",
        "email": "eva.weiss@arnsberg.example",
        "locale": "en",
        "timezone": "Europe/London",
    }
    admitted.correct_participant(eva, changes, actor="bert")
    corrected = admitted.participant(eva)
    assert (corrected.person.name, corrected.person.email) == (changes["name"], changes["email"])
    assert (corrected.locale, corrected.timezone) == ("en", "Europe/London")
    assert corrected.person.subject_id == eva, "the same key seals the corrected data"
    [recorded] = admitted.collect_events()
    assert type(recorded).__name__ == "ParticipantCorrected"
    assert (recorded.actor, recorded.person) == ("bert", corrected.person)  # type: ignore[attr-defined]


def test_fields_left_out_stay_and_a_null_time_zone_falls_back(admitted: Enrollment) -> None:
    eva = joined(admitted)
    admitted.correct_participant(eva, {"timezone": "Asia/Tokyo"}, actor="anna")
    admitted.correct_participant(eva, {"timezone": None}, actor="anna")
    kept = admitted.participant(eva)
    assert (kept.person.name, kept.person.email, kept.locale, kept.timezone) == (
        "Eva Weiß",
        "eva@arnsberg.example",
        "de",
        None,
    )


def test_a_correction_that_changes_nothing_records_nothing(admitted: Enrollment) -> None:
    eva = joined(admitted)
    admitted.correct_participant(eva, {"name": "Eva Weiß", "locale": "de"}, actor="anna")
    assert admitted.collect_events() == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "keine-adresse"}, "E-mail"),
        ({"name": " "}, "Name must not be empty"),
        ({"name": "Eva\nWeiß"}, "Name"),
        ({"locale": "fr"}, "Locale"),
        ({"timezone": "Mond/Krater"}, "zone"),
        ({"status": "admitted"}, "Only email, locale, name, timezone can be corrected"),
    ],
)
def test_a_correction_is_checked_as_on_joining(
    admitted: Enrollment, changes: dict[str, Any], message: str
) -> None:
    eva = joined(admitted)
    with pytest.raises(InvalidValue, match=message):
        admitted.correct_participant(eva, changes, actor="anna")
    assert admitted.collect_events() == []


def test_a_corrected_email_stays_unique_in_the_enrolment(admitted: Enrollment) -> None:
    eva = joined(admitted)
    joined(admitted, "max@arnsberg.example")
    with pytest.raises(DuplicateParticipant, match="MAX@arnsberg.example already takes part"):
        admitted.correct_participant(eva, {"email": "MAX@arnsberg.example"}, actor="anna")
    admitted.correct_participant(eva, {"email": "EVA@arnsberg.example"}, actor="anna")
    assert admitted.participant(eva).person.email == "EVA@arnsberg.example"


def test_a_participant_who_left_is_not_corrected(admitted: Enrollment) -> None:
    eva = joined(admitted)
    admitted.leave(eva, now=NOW, actor="anna")
    with pytest.raises(EnrollmentClosed, match="has left"):
        admitted.correct_participant(eva, {"name": "Eva Weiss"}, actor="anna")


def test_a_finished_enrolment_takes_no_correction(admitted: Enrollment) -> None:
    eva = joined(admitted)
    admitted.withdraw(actor="anna")
    with pytest.raises(EnrollmentClosed):
        admitted.correct_participant(eva, {"name": "Eva Weiss"}, actor="anna")
    with pytest.raises(EnrollmentClosed):
        admitted.correct_contact({"name": "Jörg Gross"}, actor="anna")


def test_erased_data_is_not_corrected(admitted: Enrollment) -> None:
    eva = joined(admitted)
    admitted.erase_personal_data(eva, actor="anna")
    with pytest.raises(InvalidValue, match="erased"):
        admitted.correct_participant(eva, {"name": "Eva Weiss"}, actor="anna")


def test_the_contact_is_corrected_under_the_same_subject(admitted: Enrollment) -> None:
    subject = admitted.contact.subject_id
    admitted.collect_events()
    admitted.correct_contact({"email": "j.gross@arnsberg.example"}, actor="bert")
    assert admitted.contact == PersonalData(subject, "Jörg Groß", "j.gross@arnsberg.example")
    [recorded] = admitted.collect_events()
    assert (type(recorded).__name__, recorded.actor) == ("ContactCorrected", "bert")  # type: ignore[attr-defined]
    with pytest.raises(InvalidValue, match="Only email, name can be corrected"):
        admitted.correct_contact({"locale": "en"}, actor="anna")
    with pytest.raises(InvalidValue, match="E-mail"):
        admitted.correct_contact({"email": "nein"}, actor="anna")
