"""A series on a day of the calendar: each rule of `domain.day_state` on the aggregate.

The commands are run on the aggregate; its events become dated facts as the views read
them, each command recorded on a day the test names (facts without a programme day of
their own hold from that day).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from uuid import uuid4

from domain.day_facts import Fact, FactKind, StreamFacts
from domain.day_state import DayState, recorded_state, state_on
from domain.peer_learning import PeerLearning
from domain.status import SeriesStatus
from tests.support.samples import at
from tests.unit.builders import announced, schedule

START = date(2024, 10, 1)
KICKOFF = date(2024, 10, 8)
EXCHANGE = date(2024, 11, 5)


class Recorded:
    """The aggregate's events turned into facts, command by command, as recorded on a day."""

    def __init__(self, series: PeerLearning) -> None:
        self.series, self.stream, self.facts = series, StreamFacts(), []  # type: list[Fact]
        self.record(date(2024, 9, 1))

    def record(self, day: date) -> None:
        for event in self.series.collect_events():
            self.facts += self.stream.read(event, recorded_on=day)

    def on(self, day: date) -> DayState:
        return state_on(day, self.series.details.starts_on, self.facts)


def running_series(**details: Any) -> tuple[Recorded, str, str]:
    series = announced(starts_on=START, **details)
    kickoff = schedule(series, "kickoff", KICKOFF).meeting_id
    exchange = schedule(series, "exchange", EXCHANGE).meeting_id
    return Recorded(series), str(kickoff), str(exchange)


def test_a_meeting_is_held_only_from_the_day_it_was_held() -> None:
    recorded, kickoff, exchange = running_series()
    for meeting_id, day in ((kickoff, KICKOFF), (exchange, EXCHANGE)):
        recorded.series.mark_meeting_held(meeting_id, now=at(day, 13), actor="anna")
        recorded.record(day + timedelta(days=3))  # marked held three days later
    before = recorded.on(KICKOFF - timedelta(days=1))
    assert {m.state for m in before.meetings.values()} == {"scheduled"}
    assert (before.meetings_held, before.kickoff_held_on, before.status) == (0, None, "running")
    assert before.next_meeting == at(KICKOFF, 10)
    first = recorded.on(KICKOFF)
    assert (first.meetings[kickoff].state, first.meetings[exchange].state) == ("held", "scheduled")
    assert (first.meetings_held, first.kickoff_held_on) == (1, KICKOFF)
    assert first.next_meeting == at(KICKOFF, 10)  # a meeting of the day is that day's next
    between = recorded.on(KICKOFF + timedelta(days=1))
    assert between.next_meeting == at(EXCHANGE, 10) and between.meetings_held == 1
    after = recorded.on(EXCHANGE)
    assert (
        after.meetings_held == 2 and recorded.on(EXCHANGE + timedelta(days=1)).next_meeting is None
    )


def test_a_move_and_a_cancellation_show_from_the_day_they_were_recorded() -> None:
    recorded, kickoff, exchange = running_series()
    moved_on, cancelled_on = date(2024, 9, 25), date(2024, 10, 2)
    new_start = at(KICKOFF, 14)
    recorded.series.reschedule_meeting(
        kickoff, new_start, new_start + timedelta(hours=2), now=at(moved_on, 9), actor="anna"
    )
    recorded.record(moved_on)
    recorded.series.cancel_meeting(exchange, now=at(cancelled_on, 9), actor="anna")
    recorded.record(cancelled_on)
    before = recorded.on(moved_on - timedelta(days=1))
    assert before.meetings[kickoff].starts_at == at(KICKOFF, 10)
    assert (before.meetings[kickoff].state, before.meetings[kickoff].schedule_version) == (
        "scheduled",
        1,
    )
    assert before.meetings_scheduled == 2 and before.next_meeting == at(KICKOFF, 10)
    moved = recorded.on(moved_on)
    assert moved.meetings[kickoff].starts_at == new_start
    assert (moved.meetings[kickoff].state, moved.meetings[kickoff].schedule_version) == (
        "rescheduled",
        2,
    )
    assert moved.next_meeting == new_start and moved.meetings[exchange].state == "scheduled"
    cancelled = recorded.on(cancelled_on)
    assert cancelled.meetings[exchange].state == "cancelled" and cancelled.meetings_scheduled == 1
    assert recorded.on(KICKOFF + timedelta(days=1)).next_meeting is None


def test_seats_and_the_waiting_list_count_from_the_day_recorded() -> None:
    recorded, _, _ = running_series(capacity=1)
    first, second = uuid4(), uuid4()
    days = [date(2024, 9, 2), date(2024, 9, 3), date(2024, 9, 4)]
    recorded.series.enrol(first, actor="anna")
    recorded.record(days[0])
    recorded.series.enrol(second, actor="anna")
    recorded.record(days[1])
    recorded.series.release(first, actor="anna")  # the second moves up in the same command
    recorded.record(days[2])
    counts = [(s.municipalities, s.waitlisted) for s in map(recorded.on, days)]
    assert recorded.on(date(2024, 9, 1)).municipalities == 0
    assert counts == [(1, 0), (1, 1), (1, 0)]


def test_participants_count_while_joined_and_their_enrolment_is_admitted() -> None:
    admitted, waiting = str(uuid4()), str(uuid4())
    day = date(2024, 9, 10)
    facts = [
        Fact(day, FactKind.ADMITTED, admitted),
        Fact(day, FactKind.WAITLISTED, waiting),
        Fact(day + timedelta(days=1), FactKind.JOINED, admitted),
        Fact(day + timedelta(days=1), FactKind.JOINED, admitted),
        Fact(day + timedelta(days=1), FactKind.JOINED, waiting),
        Fact(day + timedelta(days=5), FactKind.LEFT, admitted),
        Fact(day + timedelta(days=6), FactKind.RELEASED, admitted),
    ]
    counts = [state_on(day + timedelta(days=n), START, facts).participants for n in range(8)]
    assert counts == [0, 2, 2, 2, 2, 1, 0, 0]


def test_joining_is_possible_while_open_and_before_the_end() -> None:
    recorded, kickoff, _ = running_series()
    recorded.series.close_joining(actor="anna")
    recorded.record(date(2024, 9, 10))
    recorded.series.reopen_joining(actor="anna")
    recorded.record(date(2024, 9, 12))
    recorded.series.mark_meeting_held(kickoff, now=at(KICKOFF, 13), actor="anna")
    recorded.series.hold_reflection(KICKOFF, today=KICKOFF, actor="anna")
    recorded.record(KICKOFF)
    recorded.series.close(date(2024, 10, 12), today=date(2024, 10, 15), actor="anna")
    recorded.record(date(2024, 10, 15))
    days = [date(2024, 9, 9), date(2024, 9, 10), date(2024, 9, 12), date(2024, 10, 11)]
    assert [recorded.on(d).joining_open for d in days] == [True, False, True, True]
    assert recorded.on(date(2024, 10, 12)).joining_open is False  # closed from its day


def test_the_end_of_a_series_shows_from_its_effective_day_only() -> None:
    recorded, kickoff, exchange = running_series()
    recorded.series.mark_meeting_held(kickoff, now=at(KICKOFF, 13), actor="anna")
    recorded.series.hold_reflection(date(2024, 10, 9), today=date(2024, 10, 9), actor="anna")
    recorded.record(date(2024, 10, 9))
    recorded.series.close(date(2024, 10, 12), today=date(2024, 10, 15), actor="anna")
    recorded.record(date(2024, 10, 15))
    before = recorded.on(date(2024, 10, 8))
    assert (before.reflection_held_on, before.closed_on, before.status) == (None, None, "running")
    still = recorded.on(date(2024, 10, 11))
    assert (still.closed_on, still.status, still.meetings[exchange].state) == (
        None,
        SeriesStatus.RUNNING,
        "scheduled",
    )
    assert still.next_meeting == at(EXCHANGE, 10)
    closed = recorded.on(date(2024, 10, 12))
    assert (closed.closed_on, closed.status, closed.joining_open) == (
        date(2024, 10, 12),
        SeriesStatus.CLOSED,
        False,
    )
    # what the end called off is off from the end's day, though recorded three days later
    assert closed.meetings[exchange].state == "cancelled" and closed.next_meeting is None
    assert (closed.meetings_scheduled, closed.reflection_held_on) == (1, date(2024, 10, 9))


def test_the_state_as_recorded_equals_the_aggregate() -> None:
    recorded, kickoff, exchange = running_series()
    enrolment = uuid4()
    recorded.series.enrol(enrolment, actor="anna")
    recorded.series.mark_meeting_held(kickoff, now=at(KICKOFF, 13), actor="anna")
    recorded.series.cancel_meeting(exchange, now=at(KICKOFF, 14), actor="anna")
    recorded.series.close_joining(actor="anna")
    recorded.record(KICKOFF)
    series = recorded.series
    state = recorded_state(date(2024, 9, 1), series.details.starts_on, recorded.facts)
    assert {k: m.state for k, m in state.meetings.items()} == {
        k: m.state for k, m in series.meetings.items()
    }
    assert state.kickoff_held_on == series.kickoff_held_on
    assert (state.municipalities, state.joining_open) == (len(series.admitted), False)
    assert state.status == series.status_on(date(2024, 9, 1)) == SeriesStatus.NEW
    assert state.next_meeting == at(KICKOFF, 10) and isinstance(state.next_meeting, datetime)
