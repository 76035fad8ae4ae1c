"""Reading the moments and days auditors type."""

from __future__ import annotations

from datetime import UTC, date, datetime

from domain.errors import InvalidValue


def parse_moment(text: str) -> datetime:
    """An ISO 8601 moment with offset (`2024-10-01T12:00:00+02:00` or `...Z`), in UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValue(
            f"'{text}' is not a moment; write it like 2024-10-01T12:00:00+02:00."
        ) from None
    if moment.tzinfo is None:
        raise InvalidValue(f"'{text}' needs a time zone offset, e.g. 2024-10-01T12:00:00Z.")
    return moment.astimezone(UTC)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValue(f"'{text}' is not a day; write it like 2024-10-01.") from None
