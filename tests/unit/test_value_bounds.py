"""The domain's bounds: one-line texts, web links, real addresses, the programme's calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest

from domain.errors import InvalidValue
from domain.values import (
    Municipality,
    PersonalData,
    is_web_link,
    require_aware,
    require_email,
    require_line,
    require_link,
    require_timezone,
)
from tests.unit.builders import announced, meeting

BREAKS = [
    "Tom\nBcc: victim@example.org",
    "Tom\r\nBcc: x",
    "Tab\tbed",
    "Zeile\u2028zwei",
    "Next\x85Line",
]


@pytest.mark.parametrize("name", BREAKS)
def test_a_name_is_one_line(name: str) -> None:
    with pytest.raises(InvalidValue, match="Name must be one line: remove line breaks"):
        PersonalData.of(uuid4(), name, "tom@arnsberg.example")


@pytest.mark.parametrize("name", BREAKS)
def test_a_municipality_name_is_one_line(name: str) -> None:
    with pytest.raises(InvalidValue, match="Municipality name must be one line"):
        Municipality.of(name, "05958004")


def test_one_line_keeps_umlauts_dashes_and_emoji() -> None:
    assert require_line("Groß-Umstadt – „Zukunft“ 😀", "Title") == "Groß-Umstadt – „Zukunft“ 😀"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "Erste\nZweite"}, "Title must be one line"),
        ({"host": "Stadt\rWuppertal"}, "Host must be one line"),
        ({"topics": ["Klima\nanpassung"]}, "Topics must be one line"),
        ({"regions": ["Süd\twestfalen"]}, "Regions must be one line"),
        ({"format": "on_site", "location": "Rathaus\nRaum 3"}, "Location must be one line"),
        ({"topics": [f"Thema {n}" for n in range(51)]}, "at most 50 entries"),
        ({"agenda_url": "JAVASCRIPT:alert(1)"}, "Agenda URL must start with https://"),
        ({"agenda_url": "https:///agenda"}, "Agenda URL must start with https://"),
        ({"agenda_url": "https://example.org/a\nb"}, "Agenda URL must be one line"),
        ({"starts_on": date(1999, 12, 31)}, "start date must lie between 2000-01-01 and 2199"),
        ({"ends_on": date(2200, 1, 1)}, "end date must lie between 2000-01-01 and 2199-12-31"),
        ({"reminder_offsets": ("P367D",)}, "'P367D' is longer than P366D"),
        ({"reminder_offsets": tuple(f"PT{n}H" for n in range(1, 12))}, "at most 10"),
        ({"contact_email": 'x"><script>alert(1)</script>@evil.example'}, "not a valid e-mail"),
    ],
)
def test_what_a_series_announces_stays_in_bounds(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        announced(**overrides)


def test_the_edges_of_each_bound_are_accepted() -> None:
    series = announced(
        starts_on=date(2000, 1, 1),
        ends_on=date(2199, 12, 31),
        topics=[f"Thema {n}" for n in range(50)],
        agenda_url="HTTPS://Example.org/Agenda",
        reminder_offsets=tuple(f"P{n}D" for n in range(357, 367)),
    )

    assert series.details.agenda_url == "HTTPS://Example.org/Agenda"
    assert len(series.details.reminder_offsets or ()) == 10


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org",
        "https://",
        "https://exa mple.org",
        "//example.org/agenda",
    ],
)
def test_only_http_links_to_a_host(link: str) -> None:
    assert not is_web_link(link)
    with pytest.raises(InvalidValue, match="Video URL must"):
        require_link(link, "Video URL")


@pytest.mark.parametrize(
    "link", ["https://video.example.org/room", "http://example.org", "HtTpS://example.org/x?y=1"]
)
def test_http_and_https_links_in_any_case_are_kept(link: str) -> None:
    assert require_link(link, "Video URL") == link


@pytest.mark.parametrize(
    "email",
    [
        'x"><script>alert(1)</script>@evil.example',
        "x<script>@evil.example",
        "Tom <tom@arnsberg.example>",
        '"quoted"@arnsberg.example',
        "tom@arnsberg.example\nBcc: victim@example.org",
        "tom@localhost",
        "tom@arnsberg..example",
    ],
)
def test_addresses_are_read_by_a_real_parser(email: str) -> None:
    with pytest.raises(InvalidValue, match="E-mail"):
        require_email(email)


def test_a_meeting_with_a_script_link_or_a_broken_title_is_refused() -> None:
    series = announced()
    day = date(2024, 10, 8)

    with pytest.raises(InvalidValue, match="Video URL must start with https://"):
        series.schedule_meeting(meeting("kickoff", day, video_url="JavaScript:alert(1)"), "anna")
    with pytest.raises(InvalidValue, match="Meeting title must be one line"):
        series.schedule_meeting(meeting("kickoff", day, title="Auftakt\nBcc: x"), "anna")
    with pytest.raises(InvalidValue, match="Location must be one line"):
        series.schedule_meeting(meeting("kickoff", day, location="Rathaus\nRaum 3"), "anna")
    assert series.meetings == {}


@pytest.mark.parametrize(
    ("moment", "kept"),
    [
        (datetime(2000, 1, 1, 0, 0, tzinfo=UTC), True),
        (datetime(2199, 12, 31, 23, 59, 59, tzinfo=UTC), True),
        (datetime(1999, 12, 31, 23, 59, 59, tzinfo=UTC), False),
        (datetime(2200, 1, 1, 0, 0, tzinfo=UTC), False),
        (datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC), False),
    ],
)
def test_moments_lie_in_the_programme_calendar(moment: datetime, kept: bool) -> None:
    if kept:
        assert require_aware(moment, "Meeting start") == moment
    else:
        with pytest.raises(InvalidValue, match="Meeting start must lie between 2000-01-01"):
            require_aware(moment, "Meeting start")


@pytest.mark.parametrize(
    "name",
    ["Europe", "Etc", "Europe/", "../etc", "Europe/Berlin\n", "Factory", "localtime", "posixrules"],
)
def test_a_folder_or_no_place_of_the_zone_database_is_no_time_zone(name: str) -> None:
    with pytest.raises(InvalidValue, match="Unknown time zone"):
        require_timezone(name)
