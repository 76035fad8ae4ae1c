"""Dates in German and English from CLDR, in the reader's zone, across DST."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from wording.dates import local, months, short_date, span, times, when


@pytest.mark.parametrize(
    ("moment", "zone", "lang", "expected"),
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
def test_when(moment: datetime, zone: str, lang: str, expected: str) -> None:
    assert when(moment, zone, lang) == expected


def test_a_span_within_a_day_names_the_day_once() -> None:
    start = datetime(2024, 10, 1, 8, 0, tzinfo=UTC)
    end = datetime(2024, 10, 1, 10, 0, tzinfo=UTC)
    assert span(start, end, "Europe/Berlin", "de") == (
        "Dienstag, 1. Oktober 2024, 10:00–12:00 Uhr (Europe/Berlin)"
    )
    assert span(start, end, "Europe/London", "en") == (
        "Tuesday, 1 October 2024, 09:00–11:00 (Europe/London)"
    )


def test_a_span_over_midnight_names_both_days() -> None:
    start = datetime(2024, 5, 2, 20, 0, tzinfo=UTC)
    end = datetime(2024, 5, 2, 23, 0, tzinfo=UTC)
    assert span(start, end, "Europe/Berlin", "de") == (
        "Donnerstag, 2. Mai 2024, 22:00 Uhr bis Freitag, 3. Mai 2024, 01:00 Uhr (Europe/Berlin)"
    )
    assert span(start, end, "Europe/Berlin", "en") == (
        "Thursday, 2 May 2024, 22:00 to Friday, 3 May 2024, 01:00 (Europe/Berlin)"
    )


def test_the_page_writes_short_days_time_slots_and_month_ranges() -> None:
    start = local(datetime(2024, 10, 1, 8, 0, tzinfo=UTC), "Europe/Berlin")
    end = local(datetime(2024, 10, 1, 10, 0, tzinfo=UTC), "Europe/Berlin")
    assert (short_date(start, "de"), short_date(start, "en")) == (
        "Di., 1. Okt. 2024",
        "Tue, 1 Oct 2024",
    )
    assert (times(start, end, "de"), times(start, end, "en")) == ("10:00–12:00 Uhr", "10:00–12:00")
    thin = "\u2009"  # CLDR sets the dash of a range of months between thin spaces
    assert (
        months(date(2024, 10, 1), date(2025, 8, 31), "de")
        == f"Oktober 2024{thin}–{thin}August 2025"
    )
    assert months(date(2024, 10, 1), date(2024, 12, 31), "de") == "Oktober–Dezember 2024"
    assert (
        months(date(2024, 10, 1), date(2024, 12, 31), "en") == f"October{thin}–{thin}December 2024"
    )
