"""Facts of the read models turned into what the page says: periods, days, times."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from web.texts import MONTHS, UI, WEEKDAYS


def month_year(day: date, lang: str) -> str:
    return f"{MONTHS[lang].split()[day.month - 1]} {day.year}"


def period(item: dict[str, Any], lang: str) -> str:
    """ "Oktober 2024 bis August 2025", or "seit Mai 2023" when there is no end."""
    t = UI[lang]
    starts_on, ends_on = item["starts_on"], item["ends_on"]
    if ends_on is None:
        return f"{t['since']} {month_year(starts_on, lang)} ({t['open_end']})"
    return f"{month_year(starts_on, lang)} {t['until']} {month_year(ends_on, lang)}"


def local(moment: datetime, timezone: str) -> datetime:
    return moment.astimezone(ZoneInfo(timezone))


def day_label(moment: datetime, lang: str) -> str:
    weekday = WEEKDAYS[lang].split()[moment.weekday()]
    if lang == "de":
        return f"{weekday}, {moment:%d.%m.%Y}"
    return f"{weekday} {moment.day} {MONTHS[lang].split()[moment.month - 1][:3]} {moment.year}"


def time_span(starts_at: datetime, ends_at: datetime, lang: str) -> str:
    """ "10:00–12:00 Uhr" ("10:00–12:00" in English); without strftime, ten of these per card."""
    span = f"{starts_at.hour:02d}:{starts_at.minute:02d}–{ends_at.hour:02d}:{ends_at.minute:02d}"
    return f"{span} Uhr" if lang == "de" else span


def usual_times(meetings: list[dict[str, Any]], timezone: str, lang: str) -> str | None:
    """The time slot most meetings use, e.g. "jeweils 10:00–12:00 Uhr"."""
    slots = Counter(
        time_span(local(m["starts_at"], timezone), local(m["ends_at"], timezone), lang)
        for m in meetings
        if m["state"] != "cancelled"
    )
    if not slots:
        return None
    return f"{UI[lang]['each']} {slots.most_common(1)[0][0]}"


def meeting_rows(detail: dict[str, Any], now: datetime, lang: str) -> list[dict[str, Any]]:
    """Meetings as table rows; past meetings say whether they were held or cancelled."""
    zone = detail["timezone"]
    rows = []
    for m in detail["meetings"]:
        starts_at, ends_at = local(m["starts_at"], zone), local(m["ends_at"], zone)
        state = m["state"]
        if state in ("scheduled", "rescheduled") and m["ends_at"] <= now:
            state = "past"
        rows.append(
            {
                "day": day_label(starts_at, lang),
                "iso": starts_at.isoformat(),
                "time": time_span(starts_at, ends_at, lang),
                "kind": m["kind"],
                "place": m["location"],
                "mode": m["mode"],
                "state": state,
                "is_past": m["ends_at"] <= now,
            }
        )
    return rows


def next_meeting_label(item: dict[str, Any], lang: str) -> str | None:
    moment = item.get("next_meeting")
    if moment is None:
        return None
    starts_at = local(moment, item["timezone"])
    return f"{day_label(starts_at, lang)}, {starts_at:%H:%M}" + (" Uhr" if lang == "de" else "")
