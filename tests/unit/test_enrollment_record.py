"""What an enrolment's log says: every step names who took it (and why, where a reason is
given); a refused step names the municipality, its status and the step."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

import pytest

from domain.enrollment import Enrollment, enrollment_id_for
from domain.enrollment_steps import enrollment_id_by_name
from domain.errors import EnrollmentClosed, EnrollmentNotChangeable, ParticipantNotFound
from domain.kinds import Admission
from domain.values import ERASED, Municipality, Participant, PersonalData
from tests.unit.builders import NOW

SERIES_ID = UUID("6f1c2a7e-3c1b-4a55-9f7e-0d1f6d1b2a10")


def registered(municipality: Municipality | None = None) -> Enrollment:
    contact = PersonalData.of(uuid4(), "Jörg Groß", "joerg@olpe.example")
    place = municipality or Municipality.of("Stadt Olpe", "05966024")
    return Enrollment(SERIES_ID, place, contact, actor="anna")


def newcomer(email: str = "eva@olpe.example") -> Participant:
    pid = uuid4()
    return Participant(pid, PersonalData.of(pid, "Eva Weiß", email), joined_at=NOW)


def last(enrolment: Enrollment) -> object:
    return enrolment.collect_events()[-1]


def test_an_enrolment_with_an_official_key_lives_under_the_key() -> None:
    enrolment = registered(Municipality.of("Stadt Olpe", key="05966024"))

    assert enrolment.id == enrollment_id_for(SERIES_ID, "05966024")
    assert enrolment.id != enrollment_id_by_name(SERIES_ID, "Stadt Olpe")


@pytest.mark.parametrize(
    ("settle", "status", "event"),
    [
        (lambda e: e.settle(Admission.ADMITTED, "ben"), "admitted", Enrollment.Admitted),
        (lambda e: e.settle(Admission.WAITLISTED, "ben"), "waitlisted", Enrollment.Waitlisted),
        (lambda e: e.admit(actor="ben"), "admitted", Enrollment.Admitted),
        (lambda e: e.put_on_waitlist(actor="ben"), "waitlisted", Enrollment.Waitlisted),
    ],
)
def test_the_place_an_enrolment_takes_is_recorded_with_who_gave_it(
    settle: Callable[[Enrollment], None], status: str, event: type
) -> None:
    enrolment = registered()

    settle(enrolment)

    assert enrolment.status == status
    recorded = last(enrolment)
    assert isinstance(recorded, event)
    assert recorded.actor == "ben"  # type: ignore[attr-defined]


@pytest.mark.parametrize("place", ["admit", "put_on_waitlist"])
def test_a_withdrawal_is_recorded_with_who_and_why(place: str) -> None:
    enrolment = registered()
    getattr(enrolment, place)(actor="anna")

    enrolment.withdraw(actor="ben", reason="Keine Zeit")

    assert enrolment.status == "withdrawn"
    assert not enrolment.is_active
    recorded = last(enrolment)
    assert isinstance(recorded, Enrollment.Withdrawn)
    assert (recorded.reason, recorded.actor) == ("Keine Zeit", "ben")


@pytest.mark.parametrize("place", ["admit", "put_on_waitlist"])
def test_a_rejection_is_recorded_with_who_and_why(place: str) -> None:
    enrolment = registered()
    getattr(enrolment, place)(actor="anna")

    enrolment.reject("Doppelt angemeldet", actor="ben")

    assert enrolment.status == "rejected"
    recorded = last(enrolment)
    assert isinstance(recorded, Enrollment.Rejected)
    assert (recorded.reason, recorded.actor) == ("Doppelt angemeldet", "ben")


@pytest.mark.parametrize(
    ("step", "says"),
    [
        (lambda e: e.admit(actor="anna"), "be admitted"),
        (lambda e: e.put_on_waitlist(actor="anna"), "wait for a seat"),
        (lambda e: e.move_up(actor="system"), "move up; only a waitlisted one does"),
    ],
)
def test_an_admitted_enrolment_is_told_which_step_it_cannot_take(
    step: Callable[[Enrollment], None], says: str
) -> None:
    enrolment = registered()
    enrolment.admit(actor="anna")

    with pytest.raises(
        EnrollmentNotChangeable,
        match=rf"^The enrolment of Stadt Olpe is admitted; it cannot {says}\.$",
    ):
        step(enrolment)


@pytest.mark.parametrize(
    ("step", "says"),
    [
        (lambda e: e.withdraw(actor="anna"), "be withdrawn"),
        (lambda e: e.reject("Doppelt", actor="anna"), "be rejected"),
        (lambda e: e.join(newcomer(), actor="anna"), "take changes before it has a place"),
        (
            lambda e: e.correct_contact({"name": "X"}, actor="anna"),
            "take changes before it has a place",
        ),
    ],
)
def test_an_enrolment_without_a_place_is_told_which_step_it_cannot_take(
    step: Callable[[Enrollment], None], says: str
) -> None:
    with pytest.raises(
        EnrollmentNotChangeable,
        match=rf"^The enrolment of Stadt Olpe is registered; it cannot {says}\.$",
    ):
        step(registered())


def test_joining_and_leaving_are_recorded_with_who_did_it() -> None:
    enrolment = registered()
    enrolment.admit(actor="anna")
    eva = newcomer()

    enrolment.join(eva, actor="ben")
    joined = last(enrolment)
    enrolment.leave(eva.participant_id, now=NOW, actor="eva")
    left = last(enrolment)

    assert isinstance(joined, Enrollment.ParticipantJoined)
    assert (joined.participant, joined.actor) == (eva, "ben")
    assert isinstance(left, Enrollment.ParticipantLeft)
    assert (left.participant_id, left.left_at, left.actor) == (eva.participant_id, NOW, "eva")


def test_a_leaver_is_told_their_data_is_not_corrected() -> None:
    enrolment = registered()
    enrolment.admit(actor="anna")
    eva = newcomer()
    enrolment.join(eva, actor="anna")
    enrolment.leave(eva.participant_id, now=NOW, actor="eva")

    with pytest.raises(
        EnrollmentClosed,
        match=r"^The participant has left; a leaver's data is not corrected\.$",
    ):
        enrolment.correct_participant(eva.participant_id, {"name": "Eva W"}, actor="anna")


def test_the_enrolment_holds_the_data_of_its_contact_and_its_participants_only() -> None:
    enrolment = registered()
    enrolment.admit(actor="anna")
    eva = newcomer()
    enrolment.join(eva, actor="anna")

    assert enrolment.holds_personal_data_of(enrolment.contact.subject_id)
    assert enrolment.holds_personal_data_of(eva.participant_id)
    assert not enrolment.holds_personal_data_of(uuid4())


def test_erasing_a_participant_keeps_the_contact_and_names_who_erased() -> None:
    enrolment = registered()
    enrolment.admit(actor="anna")
    eva = newcomer()
    enrolment.join(eva, actor="anna")
    contact = enrolment.contact

    enrolment.erase_personal_data(eva.participant_id, actor="ben")

    assert enrolment.participant(eva.participant_id).person.is_erased
    assert enrolment.contact == contact
    recorded = last(enrolment)
    assert isinstance(recorded, Enrollment.PersonalDataErased)
    assert (recorded.subject_id, recorded.actor) == (eva.participant_id, "ben")


def test_erasing_the_contact_keeps_the_participants() -> None:
    enrolment = registered()
    enrolment.admit(actor="anna")
    eva = newcomer()
    enrolment.join(eva, actor="anna")
    subject = enrolment.contact.subject_id

    enrolment.erase_personal_data(subject, actor="ben")

    assert enrolment.contact == PersonalData(subject, ERASED, ERASED)
    assert enrolment.participant(eva.participant_id) == eva


def test_erasing_someone_the_enrolment_does_not_hold_names_them() -> None:
    stranger = UUID("00000000-0000-4000-8000-000000000007")

    with pytest.raises(
        ParticipantNotFound,
        match=r"^No participant with id 00000000-0000-4000-8000-000000000007\.$",
    ):
        registered().erase_personal_data(stranger, actor="anna")
