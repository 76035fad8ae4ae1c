"""The waiting list: a waiting enrolment that withdraws leaves the list and frees no seat;
a grown capacity serves the list in order; an enrolment holds one place only."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.errors import EnrollmentNotChangeable, SeriesClosed, SeriesFull
from domain.peer_learning import PeerLearning
from tests.unit.builders import announced


def full_with_waiting(capacity: int = 1, waiting: int = 2) -> tuple[PeerLearning, list, list]:
    series = announced(capacity=capacity)
    seated = [uuid4() for _ in range(capacity)]
    queued = [uuid4() for _ in range(waiting)]
    for enrollment_id in (*seated, *queued):
        series.enrol(enrollment_id, actor="anna")
    return series, seated, queued


def test_a_waiting_enrolment_that_withdraws_leaves_the_list_and_nobody_moves_up() -> None:
    series, seated, (first, second) = full_with_waiting()
    series.collect_events()

    assert series.holds_place(first)
    assert series.release(first, actor="anna") == []

    assert (series.admitted, series.waitlist) == ([str(seated[0])], [str(second)])
    assert not series.holds_place(first)
    (released,) = series.collect_events()
    assert isinstance(released, PeerLearning.EnrollmentReleased)
    assert (released.enrollment_id, released.actor) == (first, "anna")


def test_after_a_waiting_one_withdrew_the_next_free_seat_goes_to_the_one_behind() -> None:
    series, (seated,), (first, second) = full_with_waiting()
    series.release(first, actor="anna")

    assert series.release(seated, actor="anna") == [second]
    assert (series.admitted, series.waitlist) == ([str(second)], [])


def test_a_grown_capacity_moves_up_the_waiting_in_order() -> None:
    series, seated, (first, second) = full_with_waiting()

    moved_up = series.revise_details({"capacity": 3}, actor="anna")

    assert moved_up == [first, second]
    assert series.admitted == [str(seated[0]), str(first), str(second)]
    assert series.waitlist == []


def test_a_seat_admitted_by_hand_is_refused_when_none_is_free() -> None:
    series, _, _ = full_with_waiting(capacity=2, waiting=3)

    with pytest.raises(
        SeriesFull,
        match=r"^All 2 seats are taken and 3 wait for one; a newcomer joins the waiting list\.$",
    ):
        series.admit(uuid4(), actor="anna")


def test_an_enrolment_holds_one_place_only() -> None:
    series, (seated,), (waiting, _) = full_with_waiting()

    for enrollment_id in (seated, waiting):
        with pytest.raises(
            EnrollmentNotChangeable,
            match=rf"^The enrolment {enrollment_id} already has a seat or a place on the "
            r"waiting list of this series\.$",
        ):
            series.enrol(enrollment_id, actor="anna")
        with pytest.raises(EnrollmentNotChangeable):
            series.admit(enrollment_id, actor="anna")


def test_a_withdrawn_series_releases_no_seat() -> None:
    series, (seated,), _ = full_with_waiting()
    series.withdraw(series.details.starts_on, series.details.starts_on, actor="anna")

    with pytest.raises(SeriesClosed, match="was withdrawn on 2024-10-01 and refuses every change"):
        series.release(seated, actor="anna")
