"""Reflection, closing and withdrawal; a finished series refuses every change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest

from domain.errors import InvalidValue, NotYetPossible, SeriesClosed
from domain.peer_learning import SERIES_CLOSED, SERIES_WITHDRAWN, PeerLearning
from domain.values import MeetingState
from tests.support.samples import at
from tests.unit.builders import (
    NOW,
    RUNNING_KICKOFF,
    TODAY,
    announced,
    kickoff_held,
    meeting,
    running_series,
    schedule,
)

TOMORROW = TODAY + timedelta(days=1)


@pytest.fixture
def running() -> PeerLearning:
    return running_series()


def test_a_series_closes_only_after_its_reflection(running: PeerLearning) -> None:
    with pytest.raises(NotYetPossible, match="Hold the reflection before closing"):
        running.close(TODAY, today=TODAY, actor="anna")
    running.hold_reflection(date(2024, 9, 10), today=TODAY, actor="anna")
    with pytest.raises(InvalidValue, match="cannot close on 2024-09-09, before its reflection"):
        running.close(date(2024, 9, 9), today=TODAY, actor="anna")
    running.close(date(2024, 9, 12), today=TODAY, actor="anna")
    assert running.closed_on == date(2024, 9, 12)


def test_a_held_reflection_meeting_counts_as_the_reflection(running: PeerLearning) -> None:
    reflection = schedule(running, "reflection", date(2024, 9, 17))
    running.mark_meeting_held(reflection.meeting_id, now=NOW, actor="anna")
    assert running.reflection_held_on == date(2024, 9, 17)
    running.close(TODAY, today=TODAY, actor="anna")
    assert running.closed_on == TODAY


def test_a_series_can_close_before_its_planned_end(running: PeerLearning) -> None:
    running.hold_reflection(TODAY, today=TODAY, actor="anna")
    running.close(TODAY, today=TODAY, actor="anna")
    assert running.closed_on == TODAY < date(2025, 8, 31) == running.details.ends_on


def test_a_reflection_is_held_once(running: PeerLearning) -> None:
    running.hold_reflection(TODAY, today=TODAY, actor="anna")
    with pytest.raises(NotYetPossible, match="already held on 2024-09-20"):
        running.hold_reflection(TODAY, today=TODAY, actor="anna")


def test_a_reflection_needs_the_kickoff_held() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    schedule(series, "kickoff", date(2024, 9, 24))
    with pytest.raises(NotYetPossible, match="A reflection needs the kick-off held"):
        series.hold_reflection(TODAY, today=TODAY, actor="anna")
    assert series.reflection_held_on is None


def test_a_reflection_is_not_dated_before_the_start_of_the_series() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    kickoff_held(series, date(2024, 3, 1))
    with pytest.raises(InvalidValue, match="2024-02-29 lies before the series started on 2024-03"):
        series.hold_reflection(date(2024, 2, 29), today=TODAY, actor="anna")
    series.hold_reflection(date(2024, 3, 1), today=TODAY, actor="anna")
    assert series.reflection_held_on == date(2024, 3, 1)


def test_a_reflection_is_not_dated_before_the_kickoff(running: PeerLearning) -> None:
    with pytest.raises(InvalidValue, match="2024-03-04 lies before the kick-off, held on 2024-03"):
        running.hold_reflection(RUNNING_KICKOFF - timedelta(days=1), today=TODAY, actor="anna")
    running.hold_reflection(RUNNING_KICKOFF, today=TODAY, actor="anna")
    assert running.reflection_held_on == RUNNING_KICKOFF


def test_a_reflection_is_dated_at_the_latest_today(running: PeerLearning) -> None:
    with pytest.raises(InvalidValue, match="2024-09-21 lies in the future"):
        running.hold_reflection(TOMORROW, today=TODAY, actor="anna")
    running.hold_reflection(TODAY, today=TODAY, actor="anna")
    assert running.reflection_held_on == TODAY


def test_a_reflection_meeting_held_without_a_kickoff_is_no_reflection() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    reflection = schedule(series, "reflection", date(2024, 9, 17))
    series.mark_meeting_held(reflection.meeting_id, now=NOW, actor="anna")
    assert series.meeting(reflection.meeting_id).state == MeetingState.HELD
    assert series.reflection_held_on is None


def test_closing_needs_the_kickoff_held() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    with pytest.raises(NotYetPossible, match="Closing the series needs the kick-off held"):
        series.close(TODAY, today=TODAY, actor="anna")
    assert series.closed_on is None


def test_closing_cancels_what_was_planned_after_its_day(running: PeerLearning) -> None:
    on_the_day = schedule(running, "exchange", date(2024, 9, 12))
    later = schedule(running, "exchange", date(2024, 9, 13))
    future = schedule(running, "exchange", date(2024, 10, 8))
    running.hold_reflection(date(2024, 9, 10), today=TODAY, actor="anna")
    running.close(date(2024, 9, 12), today=TODAY, actor="bert")
    states = {m.meeting_id: m.state for m in running.meetings.values()}
    assert states[on_the_day.meeting_id] == MeetingState.SCHEDULED
    assert states[later.meeting_id] == states[future.meeting_id] == MeetingState.CANCELLED
    cancelled = [e for e in running.collect_events() if type(e).__name__ == "MeetingCancelled"]
    assert {e.meeting_id for e in cancelled} == {later.meeting_id, future.meeting_id}
    assert {(e.reason, e.actor) for e in cancelled} == {(SERIES_CLOSED, "bert")}


def test_closing_leaves_held_and_cancelled_meetings_as_they_are(running: PeerLearning) -> None:
    called_off = schedule(running, "exchange", date(2024, 10, 8))
    running.cancel_meeting(called_off.meeting_id, now=NOW, actor="anna", reason="Krankheit")
    running.hold_reflection(TODAY, today=TODAY, actor="anna")
    running.collect_events()
    running.close(TODAY, today=TODAY, actor="anna")
    assert [type(e).__name__ for e in running.collect_events()] == ["Closed"]
    assert {m.state for m in running.meetings.values()} == {MeetingState.HELD, "cancelled"}


def test_withdrawing_cancels_what_was_planned_after_its_day() -> None:
    series = announced(starts_on=date(2024, 9, 1))
    before = schedule(series, "exchange", date(2024, 9, 18))
    after = schedule(series, "exchange", date(2024, 10, 8))
    series.collect_events()
    series.withdraw(date(2024, 9, 18), today=TODAY, actor="bert")
    assert series.meeting(before.meeting_id).state == MeetingState.SCHEDULED
    assert series.meeting(after.meeting_id).state == MeetingState.CANCELLED
    cancelled, withdrawn = series.collect_events()
    assert (cancelled.meeting_id, cancelled.reason, cancelled.actor) == (  # type: ignore[attr-defined]
        after.meeting_id,
        SERIES_WITHDRAWN,
        "bert",
    )
    assert type(withdrawn).__name__ == "Withdrawn"


def test_a_withdrawal_reason_is_the_reason_of_the_cancellations() -> None:
    series = announced()
    schedule(series, "exchange", date(2024, 10, 8))
    series.withdraw(TODAY, today=TODAY, actor="anna", reason="Zu wenig Anmeldungen")
    [cancelled] = [e for e in series.collect_events() if type(e).__name__ == "MeetingCancelled"]
    assert cancelled.reason == "Zu wenig Anmeldungen"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("step", "what"),
    [
        (lambda s: s.hold_reflection(TOMORROW, today=TODAY, actor="a"), "The reflection date"),
        (lambda s: s.close(TOMORROW, today=TODAY, actor="a"), "The closing date"),
        (lambda s: s.withdraw(TOMORROW, today=TODAY, actor="a"), "The withdrawal date"),
    ],
)
def test_effective_dates_are_never_in_the_future(
    step: Callable[[PeerLearning], None], what: str
) -> None:
    series = announced(starts_on=date(2024, 3, 1))
    kickoff_held(series, RUNNING_KICKOFF)
    if what == "The closing date":
        series.hold_reflection(TODAY, today=TODAY, actor="anna")
    with pytest.raises(InvalidValue, match=f"{what} 2024-09-21 lies in the future"):
        step(series)


def test_withdrawal_calls_off_a_series_before_any_meeting_was_held() -> None:
    series = announced()
    series.withdraw(date(2024, 9, 1), today=TODAY, actor="anna", reason="Zu wenig Anmeldungen")
    assert (series.withdrawn_on, series.joining_possible) == (date(2024, 9, 1), False)


def test_a_series_with_a_held_meeting_is_closed_not_withdrawn(running: PeerLearning) -> None:
    with pytest.raises(NotYetPossible, match="close the series instead of withdrawing"):
        running.withdraw(TODAY, today=TODAY, actor="anna")


CHANGES: list[Callable[[PeerLearning], object]] = [
    lambda s: s.revise_details({"title": "Neu"}, actor="a"),
    lambda s: s.schedule_meeting(meeting("exchange", date(2024, 11, 5)), actor="a"),
    lambda s: s.reschedule_meeting(_first(s), at(TODAY, 9), at(TODAY, 10), now=NOW, actor="a"),
    lambda s: s.cancel_meeting(_first(s), now=NOW, actor="a"),
    lambda s: s.mark_meeting_held(_first(s), now=NOW, actor="a"),
    lambda s: s.hold_reflection(TODAY, today=TODAY, actor="a"),
    lambda s: s.close(TODAY, today=TODAY, actor="a"),
    lambda s: s.withdraw(TODAY, today=TODAY, actor="a"),
    lambda s: s.close_joining(actor="a"),
    lambda s: s.reopen_joining(actor="a"),
    lambda s: s.admit(uuid4(), actor="a"),
    lambda s: s.enrol(uuid4(), actor="a"),
    lambda s: s.release(uuid4(), actor="a"),
]


def _first(series: PeerLearning) -> UUID:
    return next(iter(series.meetings.values())).meeting_id


def _closed() -> PeerLearning:
    """Closed on TODAY; its first meeting, on TODAY, was planned and stays so."""
    series = announced(starts_on=date(2024, 3, 1))
    schedule(series, "exchange", TODAY, start=12, end=13)
    kickoff_held(series, RUNNING_KICKOFF)
    series.hold_reflection(TODAY, today=TODAY, actor="anna")
    series.close(TODAY, today=TODAY, actor="anna")
    return series


def _withdrawn() -> PeerLearning:
    series = announced(starts_on=date(2024, 9, 1))
    schedule(series, "exchange", TODAY, start=12, end=13)
    series.withdraw(TODAY, today=TODAY, actor="anna")
    return series


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize(("finish", "word"), [(_closed, "closed"), (_withdrawn, "withdrawn")])
def test_a_finished_series_refuses_every_change(
    change: Callable[[PeerLearning], object], finish: Callable[[], PeerLearning], word: str
) -> None:
    series = finish()
    version = series.version
    with pytest.raises(SeriesClosed, match=f"was {word} on 2024-09-20 and refuses every change"):
        change(series)
    assert series.version == version
    assert next(iter(series.meetings.values())).state == MeetingState.SCHEDULED
