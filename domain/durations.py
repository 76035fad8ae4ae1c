"""ISO 8601 durations for reminder offsets (P7D, P1D, PT1H, PT30M ...)."""

from __future__ import annotations

import re
from datetime import timedelta

from domain.errors import InvalidValue

_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


def parse_duration(text: str) -> timedelta:
    match = _DURATION.match(text.strip().upper())
    if not match or text.strip().upper() in ("P", "PT") or text.strip().endswith("T"):
        raise InvalidValue(f"'{text}' is not an ISO 8601 duration; use e.g. P7D, P1D or PT1H.")
    parts = {name: int(value) for name, value in match.groupdict().items() if value}
    duration = timedelta(**parts)
    if duration <= timedelta(0):
        raise InvalidValue(f"Reminder offset '{text}' must be longer than zero.")
    return duration


def parse_offsets(texts: list[str] | tuple[str, ...] | str) -> tuple[str, ...]:
    items = texts.split(",") if isinstance(texts, str) else list(texts)
    cleaned = tuple(item.strip().upper() for item in items if item.strip())
    if not cleaned:
        raise InvalidValue("Give at least one reminder offset, e.g. P1D.")
    for item in cleaned:
        parse_duration(item)
    return cleaned
