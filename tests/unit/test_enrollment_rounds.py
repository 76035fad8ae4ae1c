"""A municipality's enrolments in one series, round by round: the first keeps the id its
key gives it, each later one has an id of its own, the same in every process."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.enrollment_rounds import enrollment_ids_of_round, register_enrollment
from domain.enrollment_steps import enrollment_id_by_name, enrollment_id_for
from domain.values import EnrollmentStatus, Municipality, PersonalData

SERIES_ID = UUID("6f1c2a7e-3c1b-4a55-9f7e-0d1f6d1b2a10")
OLPE = Municipality.of("Stadt Olpe", "05966024")


def test_the_first_round_is_the_id_of_the_key_and_of_the_name_before_keys() -> None:
    assert enrollment_ids_of_round(SERIES_ID, OLPE, 1) == {
        enrollment_id_for(SERIES_ID, "05966024"),
        enrollment_id_by_name(SERIES_ID, "Stadt Olpe"),
    }


def test_each_later_round_has_one_id_of_its_own() -> None:
    rounds = [enrollment_ids_of_round(SERIES_ID, OLPE, n) for n in (2, 3)]
    assert all(len(ids) == 1 for ids in rounds)
    first = enrollment_ids_of_round(SERIES_ID, OLPE, 1)
    assert len(first | rounds[0] | rounds[1]) == 4
    renamed = Municipality.of("Kreisstadt Olpe", "05966024")
    assert enrollment_ids_of_round(SERIES_ID, renamed, 2) == rounds[0]
    assert enrollment_ids_of_round(uuid4(), OLPE, 2) != rounds[0]


def test_an_enrolment_of_a_later_round_is_registered_under_that_id() -> None:
    contact = PersonalData.of(uuid4(), "Jörg Groß", "joerg@olpe.example")
    again = register_enrollment(SERIES_ID, OLPE, contact, "anna", round=2)
    assert {again.id} == enrollment_ids_of_round(SERIES_ID, OLPE, 2)
    assert again.status == EnrollmentStatus.REGISTERED
    assert (again.municipality, again.contact) == (OLPE, contact)
    assert [type(e).__name__ for e in again.collect_events()] == ["Registered"]
