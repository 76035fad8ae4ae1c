"""Dates and times as the reader's language writes them: CLDR's patterns, through Babel.

German is written as in Germany, English as in Britain (`catalogues.LOCALES`). Two words
come from the catalogues: "Uhr" after a single time (CLDR writes it only after a range,
"10:00–12:00 Uhr") and the word between two moments on different days.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    format_time,
    get_datetime_format,
)

from wording.catalogues import cldr_locale, translations


def local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def long_date(day: date, lang: str) -> str:
    """'Dienstag, 1. Oktober 2024' or 'Tuesday, 1 October 2024'."""
    return format_date(day, "full", locale=cldr_locale(lang))


def short_date(day: date, lang: str) -> str:
    """'Di., 1. Okt. 2024' or 'Tue, 1 Oct 2024'."""
    return format_skeleton("yMMMEd", day, locale=cldr_locale(lang))


def month(day: date, lang: str) -> str:
    """'Oktober 2024' or 'October 2024'."""
    return format_skeleton("yMMMM", day, locale=cldr_locale(lang))


def months(first: date, last: date, lang: str) -> str:
    """'Oktober 2024 – August 2025', or 'Oktober–Dezember 2024' within one year."""
    return format_interval(first, last, "yMMMM", locale=cldr_locale(lang))


def clock_time(moment: datetime, lang: str) -> str:
    """'10:00 Uhr' or '10:00': the time of day of a moment already in its zone."""
    text = format_time(moment, "short", locale=cldr_locale(lang))
    return translations(lang).gettext("time.clock").format(time=text)


@lru_cache(maxsize=1024)
def _times(starts: time, ends: time, lang: str) -> str:
    return format_interval(starts, ends, "Hm", locale=cldr_locale(lang))


def times(starts_at: datetime, ends_at: datetime, lang: str) -> str:
    """'10:00–12:00 Uhr' or '10:00–12:00': the times of day of two local moments."""
    return _times(starts_at.time(), ends_at.time(), lang)


def at(day: str, clock: str, lang: str) -> str:
    """A day and a time joined as CLDR joins them: 'Dienstag, 1. Oktober 2024, 10:00 Uhr'."""
    pattern = str(get_datetime_format("full", cldr_locale(lang)))  # '{1}, {0}'
    return pattern.replace("{1}", day).replace("{0}", clock)


@lru_cache(maxsize=1024)
def when(moment: datetime, zone: str, lang: str) -> str:
    """'Dienstag, 1. Oktober 2024, 10:00 Uhr': a moment in the reader's zone."""
    there = local(moment, zone)
    return at(long_date(there, lang), clock_time(there, lang), lang)


@lru_cache(maxsize=1024)
def span(starts_at: datetime, ends_at: datetime, zone: str, lang: str) -> str:
    """'Dienstag, 1. Oktober 2024, 10:00–12:00 Uhr (Europe/Berlin)'; over midnight both
    days: 'Donnerstag, 2. Mai 2024, 22:00 Uhr bis Freitag, 3. Mai 2024, 01:00 Uhr (…)'."""
    starts, ends = local(starts_at, zone), local(ends_at, zone)
    if starts.date() == ends.date():
        text = at(long_date(starts, lang), times(starts, ends, lang), lang)
    else:
        until = translations(lang).gettext("time.until")
        text = until.format(start=when(starts_at, zone, lang), end=when(ends_at, zone, lang))
    return f"{text} ({zone})"
