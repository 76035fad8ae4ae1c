"""ISO 8601 durations for reminder offsets."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.durations import parse_duration, parse_offset, parse_offsets
from domain.errors import InvalidValue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P7D", timedelta(days=7)),
        ("P1D", timedelta(days=1)),
        ("PT1H", timedelta(hours=1)),
        ("PT30M", timedelta(minutes=30)),
        ("PT90S", timedelta(seconds=90)),
        ("P2W", timedelta(weeks=2)),
        ("P1DT12H", timedelta(days=1, hours=12)),
        (" p1dt2h30m ", timedelta(days=1, hours=2, minutes=30)),
    ],
)
def test_durations_are_parsed(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "P", "PT", "P1DT", "1D", "P1.5D", "P1.5Y", "-P1D", "PT1D"])
def test_malformed_durations_say_how_to_write_them(text: str) -> None:
    with pytest.raises(InvalidValue, match=f"'{text}' is not an ISO 8601 duration; use e.g. P7D"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["P1Y", "P1M", "P2Y6M", "P1MT12H", " p1y1d "])
def test_years_and_months_are_refused_by_name_with_days_to_give_instead(text: str) -> None:
    with pytest.raises(
        InvalidValue,
        match=rf"^The token's validity '{text.strip()}' counts years or months, which are not "
        r"accepted: their length varies\. Give days, weeks or hours instead, e\.g\. P365D",
    ):
        parse_duration(text, "The token's validity")


@pytest.mark.parametrize("text", ["P0D", "PT0M", "P0W"])
def test_a_reminder_offset_is_longer_than_zero(text: str) -> None:
    with pytest.raises(InvalidValue, match=f"Reminder offset '{text}' must be longer than zero"):
        parse_offset(text)


def test_a_zero_duration_is_refused_under_the_name_of_what_it_is() -> None:
    with pytest.raises(
        InvalidValue, match=r"^The token's validity 'PT0S' must be longer than zero"
    ):
        parse_duration("PT0S", "The token's validity")


def test_offsets_come_as_a_list_or_comma_separated() -> None:
    assert parse_offsets("p7d, PT1H,") == ("P7D", "PT1H")
    assert parse_offsets(["P1D"]) == ("P1D",)


def test_an_offset_given_twice_counts_once() -> None:
    assert parse_offsets(["P1D", "p7d", "P1D"]) == ("P1D", "P7D")


def test_offsets_of_one_length_count_once_as_first_written() -> None:
    assert parse_offsets(["PT1H", "PT60M", "PT3600S", "P1D", "PT24H"]) == ("PT1H", "P1D")


def test_offsets_need_at_least_one_valid_entry() -> None:
    with pytest.raises(InvalidValue, match="Give at least one reminder offset"):
        parse_offsets(" , ")
    with pytest.raises(InvalidValue, match="Reminder offset 'P1M' counts years or months"):
        parse_offsets("P1D,P1M")


@pytest.mark.parametrize("text", ["P366D", "P52W", "PT8784H", "P365DT24H", "PT527040M"])
def test_a_reminder_offset_may_reach_back_a_leap_year(text: str) -> None:
    assert parse_offset(text) <= timedelta(days=366)
    assert parse_offsets([text]) == (text,)


@pytest.mark.parametrize("text", ["P367D", "P53W", "PT8785H", "P366DT1S", "P3000000D"])
def test_a_longer_reminder_offset_is_refused_naming_the_bound(text: str) -> None:
    with pytest.raises(InvalidValue, match=f"'{text}' is longer than P366D"):
        parse_offsets([text])


@pytest.mark.parametrize("text", ["P1000000000000D", "P9999999999D", "P" + "9" * 30 + "D"])
def test_durations_beyond_any_timedelta_are_refused_not_overflowed(text: str) -> None:
    with pytest.raises(InvalidValue):
        parse_duration(text)
    with pytest.raises(InvalidValue, match="longer than P366D"):
        parse_offset(text)


def test_thousands_of_digits_are_not_a_duration() -> None:
    text = "P" + "9" * 5000 + "D"

    with pytest.raises(InvalidValue, match="is not an ISO 8601 duration"):
        parse_duration(text)


def test_at_most_ten_reminder_offsets() -> None:
    ten = [f"P{days}D" for days in range(1, 11)]

    assert len(parse_offsets(ten)) == 10
    with pytest.raises(InvalidValue, match="at most 10 reminder offsets; 11 were given"):
        parse_offsets([*ten, "PT1H"])
