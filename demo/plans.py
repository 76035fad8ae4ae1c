"""Plans of demo series: what a series announces and the rhythm of its meetings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

CONTACT = "startsmart@example.org"
BERLIN = ZoneInfo("Europe/Berlin")
LOOK_AHEAD = timedelta(days=180)


@dataclass(frozen=True)
class SeriesPlan:
    """What a series announces and the rhythm its meetings followed."""

    details: dict[str, Any]
    hours: tuple[time, time]
    first_meeting: date
    every_weeks: int
    meetings: int
    sites: dict[int, str] = field(default_factory=dict)
    site_cycle: int | None = None
    closes_on: date | None = None
    ongoing: bool = False
    enrolments: tuple[str, ...] = ()


def series(title: str, host: str, summary: str, topics: list[str], **rest: Any) -> dict[str, Any]:
    details: dict[str, Any] = {
        "title": title,
        "host": host,
        "summary": summary,
        "topics": topics,
        "scope": "thematic",
        "regions": [],
        "format": "virtual",
        "location": None,
        "ends_on": None,
        "capacity": None,
        "agenda_url": None,
        "contact_email": CONTACT,
    }
    details.update(rest)
    return details


def hours(start: int, end: int, start_minute: int = 0, end_minute: int = 0) -> tuple[time, time]:
    return time(start, start_minute), time(end, end_minute)


def agenda(slug: str) -> str:
    return f"https://example.org/peer-learnings/{slug}/agenda"


@dataclass(frozen=True)
class PlannedMeeting:
    kind: str
    day: date
    starts_at: datetime
    ends_at: datetime
    mode: str
    location: str | None
    video_url: str | None


def planned_meetings(plan: SeriesPlan, today: date) -> list[PlannedMeeting]:
    """The meetings of a plan; an ongoing series is planned half a year beyond today."""
    days = meeting_days(plan, today)
    last = len(days) - 1
    return [_meeting(plan, n, day, _kind(n, last, plan.ongoing)) for n, day in enumerate(days)]


def meeting_days(plan: SeriesPlan, today: date) -> list[date]:
    step = timedelta(weeks=plan.every_weeks)
    if not plan.ongoing:
        rhythm = [plan.first_meeting + n * step for n in range(plan.meetings)]
    else:
        rhythm, day = [], plan.first_meeting
        while day <= today + LOOK_AHEAD:
            rhythm.append(day)
            day += step
    return [after_the_holidays(day) for day in rhythm]


def after_the_holidays(day: date) -> date:
    """Nobody meets between Christmas and Epiphany: such a meeting moves on by weeks."""
    while (day.month, day.day) >= (12, 22) or (day.month, day.day) <= (1, 6):
        day += timedelta(weeks=1)
    return day


def _kind(number: int, last: int, ongoing: bool) -> str:
    if number == 0:
        return "kickoff"
    return "reflection" if number == last and not ongoing else "exchange"


def _meeting(plan: SeriesPlan, number: int, day: date, kind: str) -> PlannedMeeting:
    site = plan.sites.get(number % plan.site_cycle if plan.site_cycle else number)
    start, end = plan.hours
    return PlannedMeeting(
        kind=kind,
        day=day,
        starts_at=datetime.combine(day, start, tzinfo=BERLIN),
        ends_at=datetime.combine(day, end, tzinfo=BERLIN),
        mode="on_site" if site else "virtual",
        location=site,
        video_url=None if site else f"https://video.example.org/{_slug(plan)}",
    )


def _slug(plan: SeriesPlan) -> str:
    title = plan.details["title"].lower()
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in title).split()
    return "-".join(words[:3])
