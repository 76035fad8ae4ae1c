"""A municipality's and a person's texts on both sides of their bounds, and a meeting's
title and place; two meetings that only touch do not overlap."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import InvalidValue
from domain.values import Municipality, PersonalData
from tests.unit.builders import announced, meeting

DAY = date(2024, 11, 5)


def test_a_municipality_name_reaches_two_hundred_characters() -> None:
    assert Municipality.of("x" * 200, "05966024").name == "x" * 200
    with pytest.raises(InvalidValue, match=r"^Municipality name is longer than 200 characters\.$"):
        Municipality.of("x" * 201, "05966024")


def test_a_region_reaches_a_hundred_characters() -> None:
    assert Municipality.of("Stadt Olpe", "05966024", region="x" * 100).region == "x" * 100
    with pytest.raises(InvalidValue, match=r"^Region is longer than 100 characters\.$"):
        Municipality.of("Stadt Olpe", "05966024", region="x" * 101)


def test_a_state_is_the_keys_land_and_is_checked_for_length_first() -> None:
    with pytest.raises(InvalidValue, match=r"^State is longer than 100 characters\.$"):
        Municipality.of("Stadt Olpe", "05966024", state="x" * 101)
    with pytest.raises(InvalidValue, match=r"belongs to Nordrhein-Westfalen, not to x{100}\.$"):
        Municipality.of("Stadt Olpe", "05966024", state="x" * 100)


@pytest.mark.parametrize(("field", "what"), [("state", "State"), ("region", "Region")])
def test_a_state_and_a_region_are_one_line(field: str, what: str) -> None:
    with pytest.raises(InvalidValue, match=rf"^{what} must be one line"):
        Municipality.of("Stadt Olpe", "05966024", **{field: "Süd\nwestfalen"})


def test_a_state_and_a_region_are_kept_trimmed_or_left_out() -> None:
    place = Municipality.of(" Stadt Olpe ", key="05966024", state=" NRW ", region=" Sauerland ")

    assert place == Municipality("Stadt Olpe", "05966024", "Nordrhein-Westfalen", "Sauerland")
    assert Municipality.of("Stadt Olpe", key="05966024", state="", region="") == Municipality(
        "Stadt Olpe", "05966024", "Nordrhein-Westfalen"
    )


def test_a_persons_name_reaches_two_hundred_characters() -> None:
    assert PersonalData.of(uuid4(), "x" * 200, "eva@olpe.example").name == "x" * 200
    with pytest.raises(InvalidValue, match=r"^Name is longer than 200 characters\.$"):
        PersonalData.of(uuid4(), "x" * 201, "eva@olpe.example")


@pytest.mark.parametrize(("field", "what"), [("title", "Meeting title"), ("location", "Location")])
def test_a_meetings_title_and_place_reach_three_hundred_characters(field: str, what: str) -> None:
    series = announced()
    kept = series.schedule_meeting(meeting("kickoff", DAY, **{field: "x" * 300}), actor="anna")

    assert getattr(series.meeting(kept), field) == "x" * 300
    with pytest.raises(InvalidValue, match=rf"^{what} is longer than 300 characters\.$"):
        announced().schedule_meeting(meeting("kickoff", DAY, **{field: "x" * 301}), actor="anna")


def test_meetings_that_only_touch_do_not_overlap() -> None:
    morning = meeting("exchange", DAY, 9, 10)
    late_morning = meeting("exchange", DAY, 10, 11)
    half_past = meeting("exchange", DAY, 9, 11)

    assert not morning.overlaps(late_morning)
    assert not late_morning.overlaps(morning)
    assert morning.overlaps(half_past) and half_past.overlaps(late_morning)
