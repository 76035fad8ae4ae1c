"""A municipality's own registration: submitted, confirmed by its contact within a week,
then accepted or declined by the team; left unconfirmed, it expires and its people are erased."""

from __future__ import annotations

from datetime import timedelta
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

import pytest

from domain.errors import ParticipantNotFound, RegistrationNotChangeable, RegistrationRefused
from domain.registration import (
    CONFIRMATION_WINDOW,
    Registration,
    RegistrationState,
    registration_id_for,
)
from domain.values import ERASED, Municipality, Participant, PersonalData
from tests.unit.builders import NOW

SERIES_ID = UUID("6f1c2a7e-3c1b-4a55-9f7e-0d1f6d1b2a10")
ARNSBERG = Municipality.of("Stadt Arnsberg", key="05958004")


def person(name: str = "Jörg Groß", email: str = "joerg.gross@arnsberg.example") -> Participant:
    pid = uuid4()
    return Participant(pid, PersonalData.of(pid, name, email))


def submitted(
    municipality: Municipality = ARNSBERG, participants: tuple[Participant, ...] = ()
) -> Registration:
    return Registration(
        peer_learning_id=SERIES_ID,
        municipality=municipality,
        contact=person(),
        participants=participants,
        submitted_at=NOW,
        actor="public",
    )


def confirmed() -> Registration:
    registration = submitted()
    registration.confirm(NOW, actor="public")
    return registration


def declined() -> Registration:
    registration = submitted()
    registration.decline("Not a municipality.", actor="anna")
    return registration


def expired() -> Registration:
    registration = submitted()
    registration.expire(NOW + CONFIRMATION_WINDOW, actor="system")
    return registration


def accepted() -> Registration:
    registration = confirmed()
    registration.accept(uuid4(), actor="anna")
    return registration


def last_event(registration: Registration) -> object:
    return registration.collect_events()[-1]


# ---- one registration per municipality and series ------------------------------------


def test_a_municipality_with_its_official_key_registers_once_whatever_its_name() -> None:
    renamed = Municipality.of("Arnsberg, Stadt", key="05958004")

    assert registration_id_for(SERIES_ID, ARNSBERG) == registration_id_for(SERIES_ID, renamed)
    assert registration_id_for(SERIES_ID, ARNSBERG) != registration_id_for(
        SERIES_ID, Municipality.of("Stadt Arnsberg", key="05958005")
    )
    assert submitted().id == registration_id_for(SERIES_ID, ARNSBERG)


def test_without_a_key_the_name_counts_regardless_of_case_and_spaces() -> None:
    """A registration recorded before the key was required keeps the id of its name."""
    plain = registration_id_for(SERIES_ID, Municipality("Stadt Arnsberg"))

    assert registration_id_for(SERIES_ID, Municipality("  stadt   ARNSBERG ")) == plain
    assert registration_id_for(SERIES_ID, Municipality("Stadt\u00a0Arnsberg")) == plain
    assert registration_id_for(SERIES_ID, Municipality("Stadt Arnsberg-Neheim")) != plain
    assert registration_id_for(SERIES_ID, ARNSBERG) != plain


def test_two_spellings_with_one_key_are_one_registration() -> None:
    other = Municipality.of("Arnsberg, Stadt", "05958004")

    assert registration_id_for(SERIES_ID, other) == registration_id_for(SERIES_ID, ARNSBERG)


def test_a_name_never_takes_the_registration_of_a_key() -> None:
    by_key = registration_id_for(SERIES_ID, ARNSBERG)

    assert registration_id_for(SERIES_ID, Municipality("05958004")) != by_key


def test_each_series_has_its_own_registration() -> None:
    other_series = uuid4()

    assert registration_id_for(other_series, ARNSBERG) != registration_id_for(SERIES_ID, ARNSBERG)


def test_the_registration_id_stays_the_same_across_releases() -> None:
    """Stored registrations are found again by this id: its derivation is part of the data."""
    namespace = uuid5(NAMESPACE_URL, "peer-learning/registration")

    assert registration_id_for(SERIES_ID, ARNSBERG) == uuid5(namespace, f"{SERIES_ID}/ags:05958004")
    assert registration_id_for(SERIES_ID, Municipality(" Stadt  Arnsberg")) == uuid5(
        namespace, f"{SERIES_ID}/stadt arnsberg"
    )


# ---- submitted ------------------------------------------------------------------------


def test_a_submitted_registration_awaits_confirmation_for_seven_days() -> None:
    colleague = person("Eva Weiß", "eva@arnsberg.example")
    registration = submitted(participants=(colleague,))

    assert registration.state == RegistrationState.AWAITING_CONFIRMATION
    assert registration.is_pending
    assert registration.expires_at == NOW + timedelta(days=7)
    assert registration.people == (registration.contact, colleague)
    assert registration.participants == (colleague,)
    assert (registration.submissions, registration.submitted_at) == (1, NOW)
    assert (registration.enrollment_id, registration.reason, registration.confirmed_at) == (
        None,
        None,
        None,
    )
    assert (registration.peer_learning_id, registration.municipality) == (SERIES_ID, ARNSBERG)


@pytest.mark.parametrize("make", [submitted, confirmed])
def test_a_pending_registration_takes_no_second_submission(make: object) -> None:
    registration = make()  # type: ignore[operator]
    registration.collect_events()
    contact = registration.contact

    again = person("Jörg", "JOERG.GROSS@arnsberg.example")
    assert not registration.submit_again(again, (person("Tom", "tom@x.example"),), NOW, "public")
    assert registration.contact == contact
    assert registration.collect_events() == []


@pytest.mark.parametrize("make", [submitted, confirmed])
def test_a_pending_registration_refuses_another_contact_address(make: object) -> None:
    registration = make()  # type: ignore[operator]
    registration.collect_events()

    with pytest.raises(RegistrationRefused) as refused:
        registration.submit_again(person("Tom", "tom@x.example"), (), NOW, "public")

    assert refused.value.reason == "under-way"
    assert "arnsberg" not in str(refused.value)
    assert registration.collect_events() == []


def test_an_accepted_registration_takes_no_second_submission() -> None:
    registration = accepted()
    registration.collect_events()

    assert not registration.submit_again(person(), (), NOW, "public")
    assert registration.state == RegistrationState.ACCEPTED
    assert registration.collect_events() == []


@pytest.mark.parametrize("make", [declined, expired])
def test_a_declined_or_expired_registration_starts_over_with_the_new_data(make: object) -> None:
    registration = make()  # type: ignore[operator]
    later = NOW + timedelta(days=30)
    contact, colleague = person("Tom Neu", "tom@arnsberg.example"), person("Eva", "eva@x.example")

    assert registration.submit_again(contact, [colleague], later, "public")  # type: ignore[arg-type]

    assert registration.state == RegistrationState.AWAITING_CONFIRMATION
    assert (registration.contact, registration.participants) == (contact, (colleague,))
    assert (registration.submitted_at, registration.expires_at) == (
        later,
        later + CONFIRMATION_WINDOW,
    )
    assert registration.submissions == 2
    assert (registration.reason, registration.confirmed_at, registration.enrollment_id) == (
        None,
        None,
        None,
    )
    assert registration.municipality == ARNSBERG
    event = last_event(registration)
    assert isinstance(event, Registration.Resubmitted)
    assert (event.contact, event.submitted_at, event.actor) == (contact, later, "public")


# ---- confirmed ------------------------------------------------------------------------


def test_the_contact_confirms_within_the_window() -> None:
    registration = submitted()
    just_in_time = NOW + CONFIRMATION_WINDOW - timedelta(seconds=1)

    assert registration.confirm(just_in_time, actor="public")

    assert registration.state == RegistrationState.CONFIRMED
    assert registration.confirmed_at == just_in_time
    assert registration.is_pending
    event = last_event(registration)
    assert isinstance(event, Registration.Confirmed)
    assert (event.confirmed_at, event.actor) == (just_in_time, "public")


def test_confirming_twice_is_confirming_once() -> None:
    registration = confirmed()
    registration.collect_events()

    assert not registration.confirm(NOW + timedelta(hours=1), actor="public")
    assert registration.confirmed_at == NOW
    assert registration.collect_events() == []


def test_the_confirmation_link_expires_after_the_window() -> None:
    registration = submitted()

    with pytest.raises(RegistrationNotChangeable, match=r"^The confirmation link has expired\.$"):
        registration.confirm(NOW + CONFIRMATION_WINDOW, actor="public")
    assert registration.state == RegistrationState.AWAITING_CONFIRMATION


@pytest.mark.parametrize(
    ("make", "state"),
    [(declined, "declined"), (expired, "expired"), (accepted, "accepted")],
)
def test_only_an_awaiting_registration_can_be_confirmed(make: object, state: str) -> None:
    registration = make()  # type: ignore[operator]

    with pytest.raises(
        RegistrationNotChangeable,
        match=rf"^The registration is {state}; only one awaiting-confirmation can be confirmed\.$",
    ):
        registration.confirm(NOW, actor="public")
    assert registration.state == state


# ---- accepted or declined -------------------------------------------------------------


def test_the_team_accepts_a_confirmed_registration_as_an_enrolment() -> None:
    registration = confirmed()
    enrollment_id = uuid4()

    registration.accept(enrollment_id, actor="anna")

    assert registration.state == RegistrationState.ACCEPTED
    assert registration.enrollment_id == enrollment_id
    assert not registration.is_pending
    event = last_event(registration)
    assert isinstance(event, Registration.Accepted)
    assert (event.enrollment_id, event.actor) == (enrollment_id, "anna")


@pytest.mark.parametrize(
    ("make", "state"),
    [
        (submitted, "awaiting-confirmation"),
        (declined, "declined"),
        (expired, "expired"),
        (accepted, "accepted"),
    ],
)
def test_only_a_confirmed_registration_is_accepted(make: object, state: str) -> None:
    registration = make()  # type: ignore[operator]

    with pytest.raises(
        RegistrationNotChangeable,
        match=rf"^The registration is {state}; only one confirmed can be accepted\.$",
    ):
        registration.accept(uuid4(), actor="anna")
    assert registration.state == state


@pytest.mark.parametrize("make", [submitted, confirmed])
def test_the_team_declines_a_pending_registration_with_a_reason(make: object) -> None:
    registration = make()  # type: ignore[operator]

    registration.decline("Not a municipality.", actor="anna")

    assert registration.state == RegistrationState.DECLINED
    assert registration.reason == "Not a municipality."
    assert not registration.is_pending
    event = last_event(registration)
    assert isinstance(event, Registration.Declined)
    assert (event.reason, event.actor) == ("Not a municipality.", "anna")


@pytest.mark.parametrize(
    ("make", "state"), [(declined, "declined"), (expired, "expired"), (accepted, "accepted")]
)
def test_a_closed_registration_cannot_be_declined(make: object, state: str) -> None:
    registration = make()  # type: ignore[operator]

    with pytest.raises(
        RegistrationNotChangeable, match=rf"^A registration {state} cannot be declined\.$"
    ):
        registration.decline("Too late.", actor="anna")
    assert registration.state == state


# ---- expired --------------------------------------------------------------------------


def test_an_unconfirmed_registration_is_overdue_from_the_end_of_the_window() -> None:
    registration = submitted()

    assert not registration.is_overdue(NOW + CONFIRMATION_WINDOW - timedelta(seconds=1))
    assert registration.is_overdue(NOW + CONFIRMATION_WINDOW)
    assert not confirmed().is_overdue(NOW + CONFIRMATION_WINDOW)


def test_an_expired_registration_keeps_no_personal_data() -> None:
    colleague = person("Eva Weiß", "eva@arnsberg.example")
    registration = submitted(participants=(colleague,))
    contact = registration.contact

    registration.expire(NOW + CONFIRMATION_WINDOW, actor="system")

    assert registration.state == RegistrationState.EXPIRED
    assert not registration.is_pending
    for before, after in zip(
        (contact, colleague), (registration.contact, *registration.participants), strict=True
    ):
        assert after.participant_id == before.participant_id
        assert after.person == PersonalData(before.participant_id, ERASED, ERASED)
        assert after.person.is_erased
    event = last_event(registration)
    assert isinstance(event, Registration.Expired)
    assert event.subject_ids == (contact.participant_id, colleague.participant_id)
    assert event.actor == "system"


@pytest.mark.parametrize(
    ("make", "when"),
    [
        (submitted, NOW + CONFIRMATION_WINDOW - timedelta(seconds=1)),
        (confirmed, NOW + CONFIRMATION_WINDOW),
        (declined, NOW + CONFIRMATION_WINDOW),
    ],
)
def test_only_an_unconfirmed_overdue_registration_expires(make: object, when: object) -> None:
    registration = make()  # type: ignore[operator]
    state = registration.state

    with pytest.raises(
        RegistrationNotChangeable,
        match=r"^Only an unconfirmed, overdue registration expires\.$",
    ):
        registration.expire(when, actor="system")
    assert registration.state == state


# ---- a person's data erased on request -----------------------------------------------


def test_erasing_a_participant_keeps_the_others_and_names_who_erased() -> None:
    colleague, other = person("Eva Weiß", "eva@arnsberg.example"), person("Tom", "tom@x.example")
    registration = submitted(participants=(colleague, other))
    contact = registration.contact

    registration.erase_personal_data(colleague.participant_id, actor="ben")

    assert registration.contact == contact
    erased, kept = registration.participants
    assert erased.person == PersonalData(colleague.participant_id, ERASED, ERASED)
    assert kept == other
    event = last_event(registration)
    assert isinstance(event, Registration.PersonalDataErased)
    assert (event.subject_id, event.actor) == (colleague.participant_id, "ben")


def test_erasing_the_contact_keeps_the_participants() -> None:
    colleague = person("Eva Weiß", "eva@arnsberg.example")
    registration = submitted(participants=(colleague,))
    subject = registration.contact.participant_id

    registration.erase_personal_data(subject, actor="ben")

    assert registration.contact.person == PersonalData(subject, ERASED, ERASED)
    assert registration.participants == (colleague,)


def test_a_person_of_an_earlier_submission_can_still_be_erased() -> None:
    registration = declined()
    first_contact = registration.contact.participant_id
    registration.submit_again(person("Tom Neu", "tom@arnsberg.example"), (), NOW, "public")

    registration.erase_personal_data(first_contact, actor="ben")

    assert registration.contact.person.name == "Tom Neu"
    assert last_event(registration).subject_id == first_contact  # type: ignore[attr-defined]


def test_erasing_someone_the_registration_never_held_names_them() -> None:
    stranger = UUID("00000000-0000-4000-8000-000000000007")

    with pytest.raises(ParticipantNotFound, match=f"^No participant with id {stranger}\\.$"):
        submitted().erase_personal_data(stranger, actor="ben")
