"""The series decides the seats: admitted up to capacity, then a first-come queue, and
every freed seat goes to the head of that queue."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import EnrollmentNotChangeable, SeriesFull
from domain.kinds import Admission
from domain.peer_learning import PeerLearning
from tests.unit.builders import announced


def enrolled(series: PeerLearning, count: int) -> list[UUID]:
    ids = [uuid4() for _ in range(count)]
    for enrollment_id in ids:
        series.enrol(enrollment_id, actor="anna")
    return ids


def test_admitting_into_a_full_series_is_refused_and_records_nothing() -> None:
    series = announced(capacity=1)
    series.admit(uuid4(), actor="anna")
    version = series.version
    with pytest.raises(SeriesFull, match="All 1 seats are taken and 0 wait"):
        series.admit(uuid4(), actor="anna")
    assert (series.version, len(series.admitted)) == (version, 1)


def test_the_capacity_cannot_drop_below_the_admitted_and_records_nothing() -> None:
    series = announced(capacity=3)
    enrolled(series, 3)
    version = series.version
    with pytest.raises(SeriesFull, match="3 municipalities are admitted.*at least 3 seats"):
        series.revise_details({"capacity": 2}, actor="anna")
    assert (series.version, series.details.capacity) == (version, 3)


def test_after_a_smaller_capacity_a_release_moves_up_only_into_a_free_seat() -> None:
    series = announced(capacity=3)
    first, second, waiting = [*enrolled(series, 2), uuid4()]
    assert series.revise_details({"capacity": 2}, actor="anna") == []
    assert series.enrol(waiting, actor="anna") == Admission.WAITLISTED
    assert series.release(first, actor="anna") == [waiting]
    assert series.release(second, actor="anna") == []
    assert series.admitted == [str(waiting)] and series.waitlist == []


def test_an_enrolment_gets_one_place_only() -> None:
    series = announced(capacity=1)
    admitted, waiting = enrolled(series, 2)
    for enrollment_id in (admitted, waiting):
        for place in (series.enrol, series.admit):
            with pytest.raises(EnrollmentNotChangeable, match="already has a seat or a place"):
                place(enrollment_id, "anna")
    assert (series.admitted, series.waitlist) == ([str(admitted)], [str(waiting)])


def test_more_seats_go_to_the_waiting_list_in_order() -> None:
    series = announced(capacity=1)
    _, second, third, fourth = enrolled(series, 4)
    assert series.revise_details({"capacity": 3}, actor="anna") == [second, third]
    assert series.waitlist == [str(fourth)]
    assert series.revise_details({"title": "Neu"}, actor="anna") == []


def test_releasing_a_waiting_enrolment_moves_nobody_up() -> None:
    series = announced(capacity=1)
    admitted, second, third = enrolled(series, 3)
    assert series.release(second, actor="anna") == []
    assert (series.admitted, series.waitlist) == ([str(admitted)], [str(third)])


@dataclass(frozen=True)
class Join:
    pass


@dataclass(frozen=True)
class Leave:
    pick: int  # which of those with a place leaves (modulo their number)


steps = st.lists(st.one_of(st.just(Join()), st.builds(Leave, st.integers(0, 50))), max_size=40)


@settings(max_examples=200, deadline=None)
@given(capacity=st.integers(1, 4), script=steps)
def test_seats_hold_their_rules_over_any_joins_and_leaves(
    capacity: int, script: list[Join | Leave]
) -> None:
    series = announced(capacity=capacity)
    arrival: list[str] = []  # every enrolment, in the order it joined
    for step in script:
        seats, queue = list(series.admitted), list(series.waitlist)
        if isinstance(step, Join):
            newcomer = uuid4()
            arrival.append(str(newcomer))
            admission = series.enrol(newcomer, actor="anna")
            free = len(seats) < capacity and not queue
            assert admission == (Admission.ADMITTED if free else Admission.WAITLISTED)
        elif seats or queue:
            leaving = (seats + queue)[step.pick % len(seats + queue)]
            moved_up = [str(m) for m in series.release(UUID(leaving), actor="anna")]
            freed = 1 if leaving in seats else 0
            assert moved_up == queue[:freed]
        assert len(series.admitted) <= capacity
        assert not series.waitlist or len(series.admitted) == capacity
        assert series.waitlist == [e for e in arrival if e in series.waitlist]
        if series.waitlist:
            first_waiting = arrival.index(series.waitlist[0])
            assert all(arrival.index(a) < first_waiting for a in series.admitted)
    replayed = None
    for recorded in series.collect_events():
        replayed = recorded.mutate(replayed)
    assert replayed is not None
    assert (replayed.admitted, replayed.waitlist) == (series.admitted, series.waitlist)
