"""VTIMEZONE in the RRULE form, derived from the zone, for the meeting's own years."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Timezone

from calendars.zones import zone_component

ZONES = ("Europe/Berlin", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Tokyo")


def written(tzid: str, first: int, last: int) -> Timezone:
    return Timezone.from_ical(zone_component(tzid, first, last).to_ical())


@pytest.mark.parametrize("tzid", ZONES)
@pytest.mark.parametrize(("first", "last"), [(2000, 2001), (2024, 2026), (2199, 2199)])
def test_every_moment_of_the_years_has_the_zones_offset(tzid: str, first: int, last: int) -> None:
    """icalendar turns the written rules back into a zone; it agrees with zoneinfo hourly
    around every change and daily in between."""
    read, zone = written(tzid, first, last).to_tz(), ZoneInfo(tzid)
    moment, end = datetime(first, 1, 1, tzinfo=UTC), datetime(last + 1, 1, 1, tzinfo=UTC)
    while moment < end:
        step = timedelta(hours=1) if _near_a_change(moment, zone) else timedelta(days=1)
        assert moment.astimezone(read).utcoffset() == moment.astimezone(zone).utcoffset(), moment
        moment += step


def _near_a_change(moment: datetime, zone: ZoneInfo) -> bool:
    day = timedelta(days=1)
    return (moment - day).astimezone(zone).utcoffset() != (moment + day).astimezone(
        zone
    ).utcoffset()


def test_berlin_is_written_as_the_common_clients_write_it() -> None:
    lines = zone_component("Europe/Berlin", 2150, 2150).to_ical().decode().splitlines()
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in lines
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in lines
    assert "DTSTART:21490330T020000" in lines and "DTSTART:21491026T030000" in lines
    assert date(2149, 3, 30).isoweekday() == date(2149, 10, 26).isoweekday() == 7
    assert not [line for line in lines if line.startswith(("RDATE", "COMMENT"))]


def test_a_rule_that_ended_carries_its_until_and_the_new_one_stays_open() -> None:
    text = zone_component("America/New_York", 2006, 2007).to_ical().decode()
    assert "RRULE:FREQ=YEARLY;UNTIL=20060402T070000Z;BYDAY=1SU;BYMONTH=4" in text
    assert "RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\n" in text


def test_a_zone_without_changes_has_one_fixed_offset() -> None:
    [standard] = zone_component("Asia/Tokyo", 2030, 2030).subcomponents
    assert standard.name == "STANDARD" and "RRULE" not in standard
    assert standard.decoded("TZOFFSETFROM") == standard.decoded("TZOFFSETTO") == timedelta(hours=9)
