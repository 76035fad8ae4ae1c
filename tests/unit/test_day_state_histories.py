"""Over generated histories: the state on a day is the state of the facts up to that day.

A history is a series' facts in the order they were recorded, each with the day it holds
from: meetings scheduled (every day), held, moved and cancelled, seats taken, waited for and
freed, participants joining and leaving, joining closed and reopened, the reflection and the
end. For every day of the history (and the days around each), the state computed from the
whole history equals the state computed from only the facts of that day or before.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.day_facts import ALWAYS, Fact, FactKind
from domain.day_state import recorded_state, replaces, state_on
from tests.support.samples import at

FIRST = date(2024, 9, 1)
START = date(2024, 10, 1)
MEETINGS = ("m0", "m1", "m2", "m3")
ENROLMENTS = ("e0", "e1", "e2")
days = st.integers(0, 120).map(lambda n: FIRST + timedelta(days=n))


@st.composite
def scheduled(draw: st.DrawFn, meeting_id: str) -> Fact:
    starts_at = at(draw(days), draw(st.integers(8, 16)))
    kind = (
        "kickoff"
        if meeting_id == MEETINGS[0]
        else draw(st.sampled_from(["exchange", "reflection"]))
    )
    return Fact(
        ALWAYS, FactKind.SCHEDULED, meeting_id, starts_at, starts_at + timedelta(hours=2), kind, 1
    )


@st.composite
def moved(draw: st.DrawFn) -> Fact:
    starts_at = at(draw(days), draw(st.integers(8, 16)))
    version = draw(st.integers(2, 5))
    meeting_id = draw(st.sampled_from(MEETINGS))
    return Fact(
        draw(days),
        FactKind.MOVED,
        meeting_id,
        starts_at,
        starts_at + timedelta(hours=1),
        number=version,
    )


def about(kind: FactKind, subjects: tuple[str, ...] | None) -> st.SearchStrategy[Fact]:
    subject = st.just("") if subjects is None else st.sampled_from(subjects)
    return st.builds(Fact, day=days, kind=st.just(kind), subject=subject)


fact = st.one_of(
    moved(),
    about(FactKind.CANCELLED, MEETINGS),
    about(FactKind.HELD, MEETINGS),
    about(FactKind.ADMITTED, ENROLMENTS),
    about(FactKind.WAITLISTED, ENROLMENTS),
    about(FactKind.RELEASED, ENROLMENTS),
    about(FactKind.JOINED, ENROLMENTS),
    about(FactKind.LEFT, ENROLMENTS),
    about(FactKind.JOINING_CLOSED, None),
    about(FactKind.JOINING_REOPENED, None),
    about(FactKind.REFLECTION, None),
    about(FactKind.CLOSED, None),
    about(FactKind.WITHDRAWN, None),
)


@st.composite
def histories(draw: st.DrawFn) -> list[Fact]:
    plans = [draw(scheduled(m)) for m in MEETINGS[: draw(st.integers(1, len(MEETINGS)))]]
    return plans + draw(st.lists(fact, max_size=30))


@settings(max_examples=120, deadline=None)
@given(history=histories(), timezone=st.sampled_from(["Europe/Berlin", "America/New_York"]))
def test_the_state_on_a_day_is_the_state_of_the_facts_up_to_that_day(
    history: list[Fact], timezone: str
) -> None:
    asked = {f.day + timedelta(days=n) for f in history if f.day != ALWAYS for n in (-1, 0, 1)}
    for day in sorted(asked | {FIRST}):
        known = [f for f in history if f.day <= day]
        assert state_on(day, START, history, timezone) == state_on(day, START, known, timezone)


@settings(max_examples=80, deadline=None)
@given(history=histories(), later=st.lists(fact, max_size=10))
def test_facts_of_later_days_change_nothing_before_them(
    history: list[Fact], later: list[Fact]
) -> None:
    """Whatever is recorded afterwards, the state of a day before its facts' days stays."""
    for day in sorted({f.day for f in history if f.day != ALWAYS} | {FIRST}):
        after = [f for f in later if f.day > day]
        assert state_on(day, START, history + after) == state_on(day, START, history)


def without_replaced(history: list[Fact]) -> list[Fact]:
    """The history as time travel keeps it: a fact another one replaces right after is gone."""
    kept: list[Fact] = []
    for f in history:
        if kept and replaces(f, kept[-1]):
            kept[-1] = f
        else:
            kept.append(f)
    return kept


@settings(max_examples=120, deadline=None)
@given(history=histories(), runs=st.lists(about(FactKind.JOINING_CLOSED, None), max_size=5))
def test_a_replaced_fact_changes_the_state_on_no_day(history: list[Fact], runs: list[Fact]) -> None:
    same_day = [g for f in runs for g in (Fact(f.day, FactKind.JOINING_REOPENED), f)]
    whole = history + same_day
    short = without_replaced(whole)
    assert len(short) <= len(whole) - len(runs)
    asked = {f.day + timedelta(days=n) for f in whole if f.day != ALWAYS for n in (-1, 0)}
    for day in sorted(asked | {FIRST}):
        assert state_on(day, START, short) == state_on(day, START, whole)
        assert recorded_state(day, START, short) == recorded_state(day, START, whole)


def test_only_a_change_of_joining_the_same_day_replaces_the_one_before() -> None:
    closed, reopened = Fact(START, FactKind.JOINING_CLOSED), Fact(START, FactKind.JOINING_REOPENED)
    assert replaces(reopened, closed) and replaces(closed, reopened)
    assert not replaces(Fact(START + timedelta(days=1), FactKind.JOINING_CLOSED), reopened)
    assert not replaces(Fact(START, FactKind.CLOSED), reopened)
    assert not replaces(closed, Fact(START, FactKind.HELD, "m0"))
