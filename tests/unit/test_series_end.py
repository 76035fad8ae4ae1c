"""Reflection, closing and withdrawal; a finished series refuses every change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest

from domain.errors import InvalidValue, NotYetPossible, SeriesClosed
from domain.peer_learning import PeerLearning
from domain.values import MeetingState
from tests.support.samples import at
from tests.unit.builders import NOW, TODAY, announced, meeting, schedule

TOMORROW = TODAY + timedelta(days=1)


@pytest.fixture
def running() -> PeerLearning:
    series = announced(starts_on=date(2024, 3, 1))
    schedule(series, "kickoff", date(2024, 3, 5))
    return series


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


def test_a_reflection_is_held_once_and_not_before_the_start() -> None:
    series = announced()
    with pytest.raises(NotYetPossible, match="before the series started"):
        series.hold_reflection(TODAY, today=TODAY, actor="anna")
    running = announced(starts_on=date(2024, 3, 1))
    running.hold_reflection(TODAY, today=TODAY, actor="anna")
    with pytest.raises(NotYetPossible, match="already held on 2024-09-20"):
        running.hold_reflection(TODAY, today=TODAY, actor="anna")


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
    if what == "The closing date":
        series.hold_reflection(TODAY, today=TODAY, actor="anna")
    with pytest.raises(InvalidValue, match=f"{what} 2024-09-21 lies in the future"):
        step(series)


def test_withdrawal_calls_off_a_series_before_any_meeting_was_held() -> None:
    series = announced()
    series.withdraw(date(2024, 9, 1), today=TODAY, actor="anna", reason="Zu wenig Anmeldungen")
    assert (series.withdrawn_on, series.joining_possible) == (date(2024, 9, 1), False)


def test_a_series_with_a_held_meeting_is_closed_not_withdrawn(running: PeerLearning) -> None:
    kickoff = next(iter(running.meetings.values()))
    running.mark_meeting_held(kickoff.meeting_id, now=NOW, actor="anna")
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
    lambda s: s.put_on_waitlist(uuid4(), actor="a"),
]


def _first(series: PeerLearning) -> UUID:
    return next(iter(series.meetings.values())).meeting_id


def _closed() -> PeerLearning:
    series = announced(starts_on=date(2024, 3, 1))
    schedule(series, "exchange", date(2024, 10, 8))
    series.hold_reflection(TODAY, today=TODAY, actor="anna")
    series.close(TODAY, today=TODAY, actor="anna")
    return series


def _withdrawn() -> PeerLearning:
    series = announced()
    schedule(series, "exchange", date(2024, 10, 8))
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
