"""Status on any day of the programme's calendar, and whether joining is possible."""

from __future__ import annotations

from datetime import date

import pytest

from domain.peer_learning import PeerLearning
from domain.status import SeriesStatus, status_on
from tests.support.samples import at
from tests.unit.builders import TODAY, announced, kickoff_held, schedule

START = date(2024, 10, 1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 9, 30), SeriesStatus.NEW),
        (START, SeriesStatus.RUNNING),
        (date(2025, 3, 31), SeriesStatus.RUNNING),
        (date(2025, 4, 1), SeriesStatus.CLOSED),
        (date(2026, 1, 1), SeriesStatus.CLOSED),
    ],
)
def test_a_closed_series_on_each_day(day: date, expected: SeriesStatus) -> None:
    assert status_on(day, START, None, date(2025, 4, 1), None) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2024, 9, 14), SeriesStatus.NEW),
        (date(2024, 9, 15), SeriesStatus.WITHDRAWN),
        (date(2024, 10, 2), SeriesStatus.WITHDRAWN),
    ],
)
def test_a_withdrawn_series_on_each_day(day: date, expected: SeriesStatus) -> None:
    assert status_on(day, START, None, None, date(2024, 9, 15)) == expected


def test_a_kickoff_held_before_the_start_date_makes_the_series_run() -> None:
    kickoff = date(2024, 9, 10)
    assert status_on(date(2024, 9, 9), START, kickoff, None, None) == SeriesStatus.NEW
    assert status_on(kickoff, START, kickoff, None, None) == SeriesStatus.RUNNING
    assert status_on(date(2024, 9, 20), START, kickoff, None, None) == SeriesStatus.RUNNING


def test_the_aggregate_derives_its_status_from_facts() -> None:
    series = announced(ends_on=None)
    kickoff = schedule(series, "kickoff", date(2024, 9, 18))
    assert series.status_on(TODAY) == SeriesStatus.NEW
    series.mark_meeting_held(kickoff.meeting_id, now=at(TODAY, 9), actor="anna")
    assert series.kickoff_held_on == date(2024, 9, 18)
    assert series.status_on(date(2024, 9, 17)) == SeriesStatus.NEW
    assert series.status_on(TODAY) == SeriesStatus.RUNNING


def test_kickoff_day_is_taken_in_the_series_time_zone() -> None:
    series = announced(ends_on=None, timezone="America/New_York")
    kickoff = schedule(series, "kickoff", date(2024, 9, 18), start=2, end=3)
    series.mark_meeting_held(kickoff.meeting_id, now=at(TODAY, 9), actor="anna")
    assert series.kickoff_held_on == date(2024, 9, 17)


def test_status_follows_withdrawal_and_closing_of_the_aggregate() -> None:
    withdrawn = announced()
    withdrawn.withdraw(date(2024, 9, 18), today=TODAY, actor="anna")
    assert withdrawn.status_on(date(2024, 9, 17)) == SeriesStatus.NEW
    assert withdrawn.status_on(TODAY) == SeriesStatus.WITHDRAWN
    closed = announced(starts_on=date(2024, 3, 1))
    kickoff_held(closed, date(2024, 3, 5))
    closed.hold_reflection(date(2024, 9, 1), today=TODAY, actor="anna")
    closed.close(date(2024, 9, 2), today=TODAY, actor="anna")
    assert closed.status_on(date(2024, 9, 1)) == SeriesStatus.RUNNING
    assert closed.status_on(TODAY) == SeriesStatus.CLOSED


@pytest.fixture
def series() -> PeerLearning:
    return announced()


def test_joining_is_possible_until_the_team_closes_it(series: PeerLearning) -> None:
    assert series.joining_possible
    series.close_joining(actor="anna")
    assert not series.joining_possible
    series.reopen_joining(actor="anna")
    assert series.joining_possible


def test_joining_is_not_possible_once_withdrawn(series: PeerLearning) -> None:
    series.withdraw(TODAY, today=TODAY, actor="anna")
    assert not series.joining_possible


def test_toggling_joining_to_its_current_state_records_nothing(series: PeerLearning) -> None:
    version = series.version
    series.reopen_joining(actor="anna")
    assert series.version == version
