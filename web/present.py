"""Facts of the read models turned into what the page says: periods, days, times."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from domain.seats import seat_for_newcomer
from domain.status import SeriesStatus
from wording.catalogues import translations
from wording.dates import at, clock_time, local, month, months, short_date, times
from wording.glossary import PAST

ENDED = (SeriesStatus.CLOSED, SeriesStatus.WITHDRAWN)  # what happened counts, not the plan


def period(item: dict[str, Any], lang: str) -> str:
    """ "Oktober 2024 – August 2025", or "seit Mai 2023 (fortlaufend)" when there is no end."""
    starts_on, ends_on = item["starts_on"], item["ends_on"]
    if ends_on is None:
        return translations(lang).gettext("page.since").format(month=month(starts_on, lang))
    return months(starts_on, ends_on, lang)


def meeting_count(item: dict[str, Any], lang: str) -> str:
    """The meetings that have dates and are not cancelled: "6 Treffen", "1 meeting"; while a
    series is open and fewer have dates than are planned, set against the planned number:
    "2 von 6 geplanten Treffen angesetzt", or "6 Treffen geplant" before the first has one."""
    scheduled, planned = item["meetings_scheduled"], item["planned_meetings"]
    words = translations(lang)
    if scheduled >= planned or item["status"] in ENDED:
        many = words.ngettext("page.meeting_count", "page.meeting_count.plural", scheduled)
        return many.format(count=scheduled)
    if scheduled == 0:
        many = words.ngettext("page.meetings_planned", "page.meetings_planned.plural", planned)
        return many.format(count=planned)
    return words.gettext("page.meetings_of_planned").format(count=scheduled, planned=planned)


def waiting_list_only(item: dict[str, Any]) -> bool:
    """Whether a municipality joining now would only get a place on the waiting list."""
    return not seat_for_newcomer(item["capacity"], item["municipalities"], item["waitlisted"])


def usual_times(meetings: list[dict[str, Any]], timezone: str, lang: str) -> str | None:
    """The time slot most meetings use, e.g. "jeweils 10:00–12:00 Uhr"."""
    slots = Counter(
        times(local(m["starts_at"], timezone), local(m["ends_at"], timezone), lang)
        for m in meetings
        if m["state"] != "cancelled"
    )
    if not slots:
        return None
    return translations(lang).gettext("page.each").format(times=slots.most_common(1)[0][0])


def meeting_rows(detail: dict[str, Any], now: datetime, lang: str) -> list[dict[str, Any]]:
    """Meetings as table rows; past meetings say whether they were held or cancelled."""
    zone = detail["timezone"]
    rows = []
    for m in detail["meetings"]:
        starts_at, ends_at = local(m["starts_at"], zone), local(m["ends_at"], zone)
        state = m["state"]
        if state in ("scheduled", "rescheduled") and m["ends_at"] <= now:
            state = PAST
        rows.append(
            {
                "day": short_date(starts_at, lang),
                "iso": starts_at.isoformat(),
                "time": times(starts_at, ends_at, lang),
                "kind": m["kind"],
                "place": m["location"],
                "mode": m["mode"],
                "state": state,
                "is_past": m["ends_at"] <= now,
            }
        )
    return rows


def next_meeting_label(item: dict[str, Any], lang: str) -> str | None:
    """ "Di., 1. Okt. 2024, 10:00 Uhr"."""
    moment = item.get("next_meeting")
    if moment is None:
        return None
    starts_at = local(moment, item["timezone"])
    return at(short_date(starts_at, lang), clock_time(starts_at, lang), lang)
