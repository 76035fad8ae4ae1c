"""Dates in German and English from our own tables, in the reader's zone, across DST."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scheduler.wording import span, when


@pytest.mark.parametrize(
    ("moment", "zone", "locale", "expected"),
    [
        (datetime(2024, 10, 1, 8, 0, tzinfo=UTC), "Europe/Berlin", "de",
         "Dienstag, 1. Oktober 2024, 10:00 Uhr"),
        (datetime(2024, 10, 28, 9, 0, tzinfo=UTC), "Europe/Berlin", "de",
         "Montag, 28. Oktober 2024, 10:00 Uhr"),
        (datetime(2025, 3, 31, 8, 0, tzinfo=UTC), "Europe/Berlin", "de",
         "Montag, 31. März 2025, 10:00 Uhr"),
        (datetime(2025, 3, 31, 8, 0, tzinfo=UTC), "America/New_York", "en",
         "Monday, 31 March 2025, 04:00"),
        (datetime(2025, 3, 24, 9, 0, tzinfo=UTC), "America/New_York", "en",
         "Monday, 24 March 2025, 05:00"),
        (datetime(2024, 12, 31, 23, 30, tzinfo=UTC), "Europe/Berlin", "de",
         "Mittwoch, 1. Januar 2025, 00:30 Uhr"),
    ],
)  # fmt: skip
def test_when(moment: datetime, zone: str, locale: str, expected: str) -> None:
    assert when(moment, zone, locale) == expected


def test_a_span_over_midnight_names_both_days() -> None:
    start = datetime(2024, 5, 2, 20, 0, tzinfo=UTC)
    end = datetime(2024, 5, 2, 23, 0, tzinfo=UTC)
    assert span(start, end, "Europe/Berlin", "de") == (
        "Donnerstag, 2. Mai 2024, 22:00 Uhr bis Freitag, 3. Mai 2024, 01:00 Uhr (Europe/Berlin)"
    )
