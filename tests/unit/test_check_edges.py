"""The edges of the domain's checks: empty texts, the longest address and link, links that
do not parse, moments without a real offset, durations of one second and the messages the
team and the public read."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from uuid import uuid4

import pytest

from domain.checks import (
    is_web_link,
    require_aware,
    require_day,
    require_email,
    require_line,
    require_link,
    require_text,
)
from domain.durations import parse_duration, parse_offset, parse_offsets
from domain.errors import InvalidValue
from domain.values import PersonalData

LOCAL = "a" * 64


def address(length: int) -> str:
    """A valid address of `length` characters (at least 200)."""
    tail = "b" * 63 + "." + "c" * 63 + "."
    last_label = length - len(LOCAL) - 1 - len(tail) - len(".de")
    return f"{LOCAL}@{tail}{'d' * last_label}.de"


@pytest.mark.parametrize("empty", ["", None, "  \n "])
def test_an_empty_text_is_named(empty: str | None) -> None:
    with pytest.raises(InvalidValue, match=r"^Summary must not be empty\.$"):
        require_text(empty, "Summary")  # type: ignore[arg-type]


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", " \u200b\u200c\u2060 ", "\u200d"])
def test_a_text_without_a_visible_character_is_refused(invisible: str) -> None:
    with pytest.raises(InvalidValue, match=r"^Title has no visible character; write some"):
        require_line(invisible, "Title")


@pytest.mark.parametrize("control", [*"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"])
def test_a_control_turning_the_direction_is_refused_anywhere(control: str) -> None:
    for text in (f"{control}elbaT", f"Tab{control}le", f"Table{control}"):
        with pytest.raises(InvalidValue, match=r"change the direction of the text.*remove them"):
            require_text(text, "Title")


@pytest.mark.parametrize(
    "text",
    ["Smarte Städte: Grüße aus Köln", "Wasser 💧", "Familie 👩\u200d👩\u200d👧", "שלום עולם"],
)
def test_legible_text_passes_unchanged(text: str) -> None:
    assert require_line(text, "Title") == text


def test_an_address_reaches_two_hundred_fifty_four_characters() -> None:
    assert require_email(address(254)) == address(254)
    with pytest.raises(InvalidValue, match=r"^E-mail is longer than 254 characters\.$"):
        require_email(address(255))


def test_a_persons_address_is_named_e_mail_when_refused() -> None:
    with pytest.raises(InvalidValue, match=r"^E-mail 'eva' is not a valid e-mail address: "):
        PersonalData.of(uuid4(), "Eva", "eva")


def test_a_link_reaches_two_thousand_characters() -> None:
    base = "https://example.org/"
    longest = base + "a" * (2000 - len(base))

    assert require_link(longest, "Video URL") == longest
    with pytest.raises(InvalidValue, match=r"^Video URL is longer than 2000 characters\.$"):
        require_link(longest + "a", "Video URL")


@pytest.mark.parametrize("link", ["https://[::1", "https://example.org/a\x00b", ""])
def test_a_link_that_does_not_parse_or_hides_a_control_character_is_no_link(link: str) -> None:
    assert not is_web_link(link)


class NoOffset(tzinfo):
    """A zone that knows no offset: the moment is as good as naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None


def test_a_moment_in_a_zone_without_offset_is_refused() -> None:
    with pytest.raises(
        InvalidValue,
        match=r"^Meeting start must carry a time zone offset, e\.g\. 2024-10-01T10:00:00\+02:00\.$",
    ):
        require_aware(datetime(2024, 10, 1, 10, tzinfo=NoOffset()), "Meeting start")


def test_a_moment_counts_as_its_day() -> None:
    moment = datetime(2024, 10, 1, 10, tzinfo=UTC)

    assert require_day(moment, "The start date") == moment
    assert require_day(date(2199, 12, 31), "The end date") == date(2199, 12, 31)
    with pytest.raises(InvalidValue, match="The end date must lie between"):
        require_day(datetime(2200, 1, 1, tzinfo=UTC), "The end date")


def test_the_shortest_duration_is_one_second() -> None:
    assert parse_duration("PT1S") == timedelta(seconds=1)
    assert parse_offset("pt1s") == timedelta(seconds=1)
    with pytest.raises(InvalidValue, match=r"^Reminder offset 'PT0S' must be longer than zero\.$"):
        parse_offset("PT0S")


def test_an_offset_longer_than_a_year_is_named() -> None:
    assert parse_offset("P366D") == timedelta(days=366)
    with pytest.raises(
        InvalidValue,
        match=r"^Reminder offset 'P367D' is longer than P366D; "
        r"remind at most a year before the meeting\.$",
    ):
        parse_offset(" P367D ")


def test_a_duration_beyond_counting_is_named() -> None:
    with pytest.raises(
        InvalidValue,
        match=r"^'P1000000000DT1S' is longer than any duration we can count with\.$",
    ):
        parse_duration("P1000000000DT1S")


def test_the_longest_duration_is_counted_and_one_second_more_refused() -> None:
    assert parse_duration("P999999999DT86399S") == timedelta.max - timedelta(microseconds=999999)
    for beyond in ("P999999999DT86400S", "P1000000000D"):
        with pytest.raises(InvalidValue, match="longer than any duration we can count with"):
            parse_duration(beyond)


def test_no_offset_at_all_is_refused() -> None:
    with pytest.raises(InvalidValue, match=r"^Give at least one reminder offset, e\.g\. P1D\.$"):
        parse_offsets(" , ")
