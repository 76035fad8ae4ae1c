"""VTIMEZONE components in the form common calendar clients write and read.

Each run of years in which a zone changes its offset by the same rule (say, the last
Sunday of March at 02:00) becomes one STANDARD or DAYLIGHT component with a yearly RRULE;
the run that still holds at the end of the covered years stays open. The rules come from
the zone's own transitions (zoneinfo), so every zone a series may name is written right.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Transition:
    """One change of a zone's offset, at `at` (UTC)."""

    at: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    @property
    def onset(self) -> datetime:
        """The local wall-clock time of the change, in the offset before it (RFC 5545)."""
        return (self.at + self.offset_from).replace(tzinfo=None)

    @property
    def rule_key(self) -> tuple[object, ...]:
        """What a yearly rule keeps the same; only the week of the month may vary."""
        onset = self.onset
        return (
            self.daylight,
            self.offset_from,
            self.offset_to,
            self.name,
            onset.month,
            onset.weekday(),
            onset.time(),
        )

    @property
    def weeks(self) -> frozenset[int]:
        """The week numbers BYDAY may give this day: its ordinal, and -1 if it is the last."""
        onset = self.onset
        ordinal = (onset.day - 1) // 7 + 1
        last = onset.day + 7 > calendar.monthrange(onset.year, onset.month)[1]
        return frozenset({ordinal, -1} if last else {ordinal})


@dataclass
class _Run:
    """Transitions in consecutive years that one yearly rule describes."""

    first: Transition
    last: Transition
    weeks: frozenset[int]
    years: int = field(default=1)

    def takes(self, transition: Transition) -> bool:
        return (
            transition.rule_key == self.first.rule_key
            and transition.at.year == self.last.at.year + 1
            and bool(self.weeks & transition.weeks)
        )

    def add(self, transition: Transition) -> None:
        self.last, self.weeks = transition, self.weeks & transition.weeks
        self.years += 1


def zone_component(tzid: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE of `tzid`, right for every moment of the years first..last (and later,
    as long as the zone keeps its current rule)."""
    zone = Timezone()
    zone.add("tzid", tzid)
    years = range(first_year - 1, last_year + 2)
    transitions = [t for year in years for t in _transitions(tzid, year)]
    if not transitions:
        zone.add_component(_fixed(tzid, first_year))
        return zone
    for run in _runs(transitions):
        zone.add_component(_component(run, open_ended=run.last.at.year == last_year + 1))
    return zone


def _runs(transitions: list[Transition]) -> Iterator[_Run]:
    open_runs: list[_Run] = []
    for transition in transitions:
        run = next((r for r in open_runs if r.takes(transition)), None)
        if run is None:
            open_runs.append(_Run(transition, transition, transition.weeks))
        else:
            run.add(transition)
    yield from open_runs


def _component(run: _Run, open_ended: bool) -> TimezoneStandard | TimezoneDaylight:
    first = run.first
    component = TimezoneDaylight() if first.daylight else TimezoneStandard()
    component.add("dtstart", first.onset)
    component.add("tzname", first.name)
    component.add("tzoffsetfrom", first.offset_from)
    component.add("tzoffsetto", first.offset_to)
    if run.years > 1 or open_ended:
        component.add("rrule", _rule(run, open_ended))
    return component


def _rule(run: _Run, open_ended: bool) -> dict[str, object]:
    week = -1 if -1 in run.weeks else min(run.weeks)
    rule: dict[str, object] = {
        "freq": "YEARLY",
        "bymonth": run.first.onset.month,
        "byday": f"{week}{_WEEKDAYS[run.first.onset.weekday()]}",
    }
    if not open_ended:
        rule["until"] = run.last.at
    return rule


def _fixed(tzid: str, year: int) -> TimezoneStandard:
    """A zone without changes in the years asked: one offset, always."""
    moment = datetime(year, 1, 1, tzinfo=UTC).astimezone(ZoneInfo(tzid))
    offset = moment.utcoffset() or timedelta(0)
    component = TimezoneStandard()
    component.add("dtstart", datetime(year - 1, 1, 1))
    component.add("tzname", moment.tzname() or tzid)
    component.add("tzoffsetfrom", offset)
    component.add("tzoffsetto", offset)
    return component


@lru_cache(maxsize=2048)
def _transitions(tzid: str, year: int) -> tuple[Transition, ...]:
    """The zone's changes of offset or name in one year, found day by day, then to the second."""
    zone = ZoneInfo(tzid)
    found = []
    day = datetime.combine(date(year, 1, 1), time(), UTC)
    while day.year == year:
        following = day + _DAY
        if _local(day, zone) != _local(following, zone):
            found.append(_pinned(day, following, zone))
        day = following
    return tuple(found)


def _local(moment: datetime, zone: ZoneInfo) -> tuple[timedelta, str, bool]:
    local = moment.astimezone(zone)
    dst = local.dst() or timedelta(0)
    return local.utcoffset() or timedelta(0), local.tzname() or "", dst > timedelta(0)


def _pinned(before: datetime, after: datetime, zone: ZoneInfo) -> Transition:
    """Bisects [before, after) down to the second the zone changed."""
    old = _local(before, zone)
    while after - before > timedelta(seconds=1):
        middle = before + timedelta(seconds=int((after - before).total_seconds()) // 2)
        if _local(middle, zone) == old:
            before = middle
        else:
            after = middle
    offset_to, name, daylight = _local(after, zone)
    return Transition(after, old[0], offset_to, name, daylight)
