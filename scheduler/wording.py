"""Dates and phrases of reminder mails in German and English, from our own tables."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from domain.glossary import MEETING_KIND

WEEKDAYS = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "de": (
        "Januar", "Februar", "März", "April", "Mai", "Juni",
        "Juli", "August", "September", "Oktober", "November", "Dezember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def language(locale: str | None) -> str:
    return "en" if (locale or "").lower().startswith("en") else "de"


def local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def long_date(moment: datetime, zone: str, locale: str) -> str:
    """'Dienstag, 1. Oktober 2024' or 'Tuesday, 1 October 2024' in the given zone."""
    lang = language(locale)
    day = local(moment, zone)
    weekday = WEEKDAYS[lang][day.weekday()]
    month = MONTHS[lang][day.month - 1]
    if lang == "de":
        return f"{weekday}, {day.day}. {month} {day.year}"
    return f"{weekday}, {day.day} {month} {day.year}"


def clock_time(moment: datetime, zone: str, locale: str) -> str:
    text = local(moment, zone).strftime("%H:%M")
    return f"{text} Uhr" if language(locale) == "de" else text


def when(moment: datetime, zone: str, locale: str) -> str:
    """'Dienstag, 1. Oktober 2024, 10:00 Uhr' in the reader's zone."""
    return f"{long_date(moment, zone, locale)}, {clock_time(moment, zone, locale)}"


def span(starts_at: datetime, ends_at: datetime, zone: str, locale: str) -> str:
    start = when(starts_at, zone, locale)
    if local(starts_at, zone).date() == local(ends_at, zone).date():
        end = clock_time(ends_at, zone, locale)
    else:
        end = when(ends_at, zone, locale)
    joiner = "bis" if language(locale) == "de" else "to"
    return f"{start} {joiner} {end} ({zone})"


def meeting_kind(kind: str, locale: str) -> str:
    return MEETING_KIND[language(locale)].get(kind, kind)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
