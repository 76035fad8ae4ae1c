"""Revising what a series announced keeps its meetings valid."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import InvalidValue, ScheduleConflict
from tests.unit.builders import NOW, announced, schedule


def test_a_shorter_period_must_still_hold_every_meeting() -> None:
    series = announced()
    schedule(series, "exchange", date(2025, 8, 1))
    with pytest.raises(ScheduleConflict, match="2025-08-01 lies outside the series' period"):
        series.revise_details({"ends_on": date(2025, 6, 30)}, actor="anna")
    assert series.details.ends_on == date(2025, 8, 31)


def test_cancelled_meetings_do_not_block_a_revision() -> None:
    series = announced()
    first = schedule(series, "kickoff", date(2024, 10, 2))
    late = schedule(series, "exchange", date(2025, 8, 1))
    for cancelled in (first, late):
        series.cancel_meeting(cancelled.meeting_id, now=NOW, actor="anna")
    schedule(series, "kickoff", date(2024, 10, 9))
    series.revise_details({"title": "Neuer Titel", "ends_on": date(2025, 6, 30)}, actor="anna")
    assert (series.details.title, series.details.ends_on) == ("Neuer Titel", date(2025, 6, 30))


def test_the_start_date_stays_once_the_kickoff_was_held() -> None:
    series = announced(starts_on=date(2024, 9, 1))
    kickoff = schedule(series, "kickoff", date(2024, 9, 3))
    series.mark_meeting_held(kickoff.meeting_id, now=NOW, actor="anna")
    with pytest.raises(InvalidValue, match="start date cannot change after the kick-off"):
        series.revise_details({"starts_on": date(2024, 8, 1)}, actor="anna")


def test_an_unchanged_revision_records_nothing() -> None:
    series = announced()
    version = series.version
    same = {"title": series.details.title, "topics": ["Digitaler Zwilling", "Klimaanpassung"]}
    series.revise_details(same, actor="anna")
    assert series.version == version
