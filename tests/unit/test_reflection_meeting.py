"""What counts as the reflection when a meeting is marked held: only the reflection meeting,
only after the kick-off was held, only on a day a reflection may have, and only once."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import NotYetPossible
from domain.peer_learning import PeerLearning
from domain.values import MeetingState
from tests.unit.builders import (
    NOW,
    TODAY,
    announced,
    kickoff_held,
    running_series,
    schedule,
)


@pytest.fixture
def running() -> PeerLearning:
    return running_series()


def test_a_held_exchange_meeting_is_no_reflection(running: PeerLearning) -> None:
    exchange = schedule(running, "exchange", date(2024, 6, 4))

    running.mark_meeting_held(exchange.meeting_id, now=NOW, actor="anna")

    assert running.meeting(exchange.meeting_id).state == MeetingState.HELD
    assert running.reflection_held_on is None
    assert not any(isinstance(e, PeerLearning.ReflectionHeld) for e in running.collect_events())


def test_a_held_reflection_meeting_records_the_reflection_on_its_local_day(
    running: PeerLearning,
) -> None:
    reflection = schedule(running, "reflection", date(2024, 9, 17), start=0, end=1)
    running.collect_events()

    running.mark_meeting_held(reflection.meeting_id, now=NOW, actor="ben")

    assert running.reflection_held_on == date(2024, 9, 17)
    held, recorded = running.collect_events()
    assert isinstance(held, PeerLearning.MeetingHeld)
    assert isinstance(recorded, PeerLearning.ReflectionHeld)
    assert (recorded.held_on, recorded.notes, recorded.actor) == (date(2024, 9, 17), None, "ben")


def test_a_reflection_held_before_keeps_its_day_when_the_meeting_is_marked_held(
    running: PeerLearning,
) -> None:
    reflection = schedule(running, "reflection", date(2024, 9, 17))
    running.hold_reflection(date(2024, 9, 10), today=TODAY, actor="anna")
    running.collect_events()

    running.mark_meeting_held(reflection.meeting_id, now=NOW, actor="anna")

    assert running.reflection_held_on == date(2024, 9, 10)
    assert [type(e) for e in running.collect_events()] == [PeerLearning.MeetingHeld]
    with pytest.raises(NotYetPossible, match="already held on 2024-09-10"):
        running.hold_reflection(TODAY, today=TODAY, actor="anna")


def test_a_reflection_meeting_before_the_series_started_is_no_reflection() -> None:
    series = announced(starts_on=date(2024, 9, 1), ends_on=None)
    kickoff_held(series, date(2024, 8, 20))
    reflection = schedule(series, "reflection", date(2024, 8, 27))

    series.mark_meeting_held(reflection.meeting_id, now=NOW, actor="anna")

    assert series.meeting(reflection.meeting_id).state == MeetingState.HELD
    assert series.reflection_held_on is None
    series.hold_reflection(date(2024, 9, 1), today=TODAY, actor="anna")
    assert series.reflection_held_on == date(2024, 9, 1)


def test_a_reflection_meeting_on_the_first_day_of_the_series_counts() -> None:
    series = announced(starts_on=date(2024, 9, 1), ends_on=None)
    kickoff_held(series, date(2024, 8, 20))
    reflection = schedule(series, "reflection", date(2024, 9, 1))

    series.mark_meeting_held(reflection.meeting_id, now=NOW, actor="anna")

    assert series.reflection_held_on == date(2024, 9, 1)
