"""ISO 8601 durations for reminder offsets and token validity (P7D, P1D, PT1H, PT30M ...).

Years and months are ISO 8601 too, but their length varies (a month of 28 to 31 days), so
they are refused by name, and the refusal says to give days instead.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import NoReturn

from domain.errors import InvalidValue

_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)
# Any ISO 8601 duration of whole units, to tell one with years or months from a malformed text.
_CALENDAR = re.compile(
    r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:\d+W)?(?:\d+D)?"
    r"(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$"
)
SECONDS_PER = {"weeks": 604800, "days": 86400, "hours": 3600, "minutes": 60, "seconds": 1}
LONGEST_TEXT = 32
# In whole seconds: timedelta.max.total_seconds() rounds up to a float just past it.
LONGEST_SECONDS = timedelta.max.days * 86400 + timedelta.max.seconds

# A reminder goes out at most a year (a leap year) before its meeting, and a series names
# at most this many offsets: every due moment then stays inside the programme's calendar.
LONGEST_OFFSET = timedelta(days=366)
LONGEST_OFFSET_TEXT = "P366D"
MOST_OFFSETS = 10


def parse_duration(text: str, what: str = "A duration") -> timedelta:
    """Any positive duration a timedelta holds; too long a one is refused, never overflowed.
    `what` names the value in the refusal (a token's validity, a reminder offset)."""
    seconds = _seconds(text, what)
    if seconds > LONGEST_SECONDS:
        raise InvalidValue(f"'{text}' is longer than any duration we can count with.")
    return timedelta(seconds=seconds)


def parse_offset(text: str) -> timedelta:
    """One reminder offset: a positive duration of at most P366D."""
    return parse_within(
        text, "Reminder offset", LONGEST_OFFSET, "remind at most a year before the meeting."
    )


def parse_within(text: str, what: str, longest: timedelta, why: str) -> timedelta:
    """A positive duration of at most `longest`: a longer one is refused naming the bound in
    days (and `why`), never shortened to it."""
    seconds = _seconds(text, what)
    if seconds > longest.total_seconds():
        raise InvalidValue(f"{what} '{text.strip()}' is longer than {in_days(longest)}; {why}")
    return timedelta(seconds=seconds)


def in_days(duration: timedelta) -> str:
    """A whole number of days as an ISO 8601 duration: P366D."""
    return f"P{duration.days}D"


def _seconds(text: str, what: str) -> int:
    written = text.strip().upper()
    match = _DURATION.match(written) if len(written) <= LONGEST_TEXT else None
    if not match or written == "P" or written.endswith("T"):
        refuse_malformed(text, written, what)
    seconds = sum(SECONDS_PER[name] * int(n) for name, n in match.groupdict().items() if n)
    if seconds <= 0:
        raise InvalidValue(f"{what} '{text}' must be longer than zero.")
    return seconds


def refuse_malformed(text: str, written: str, what: str) -> NoReturn:
    calendar = _CALENDAR.match(written) if len(written) <= LONGEST_TEXT else None
    if calendar and (calendar["years"] or calendar["months"]):
        raise InvalidValue(
            f"{what} '{text.strip()}' counts years or months, which are not accepted: their "
            "length varies. Give days, weeks or hours instead, e.g. P365D, P30D or PT12H."
        )
    raise InvalidValue(f"'{text}' is not an ISO 8601 duration; use e.g. P7D, P1D or PT1H.")


def parse_offsets(texts: list[str] | tuple[str, ...] | str) -> tuple[str, ...]:
    items = texts.split(",") if isinstance(texts, str) else list(texts)
    cleaned = tuple(item.strip().upper() for item in items if item.strip())
    if not cleaned:
        raise InvalidValue("Give at least one reminder offset, e.g. P1D.")
    if len(cleaned) > MOST_OFFSETS:
        raise InvalidValue(
            f"Give at most {MOST_OFFSETS} reminder offsets; {len(cleaned)} were given."
        )
    by_length: dict[timedelta, str] = {}
    for item in cleaned:  # each length once, as first written: PT1H and PT60M remind once
        by_length.setdefault(parse_offset(item), item)
    return tuple(by_length.values())
