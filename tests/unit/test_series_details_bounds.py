"""What a series announces, on both sides of each bound: text lengths, list sizes, numbers,
and the messages the team reads when a field is refused."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.details import check_details, revise
from domain.errors import InvalidValue
from tests.unit.builders import announced, details


@pytest.mark.parametrize(
    ("field", "longest", "what"),
    [
        ("title", 300, "Title"),
        ("host", 300, "Host"),
        ("summary", 10000, "Summary"),
    ],
)
def test_a_text_may_reach_its_longest_and_not_one_more(field: str, longest: int, what: str) -> None:
    assert getattr(announced(**{field: "x" * longest}).details, field) == "x" * longest
    with pytest.raises(InvalidValue, match=rf"^{what} is longer than {longest} characters\.$"):
        announced(**{field: "x" * (longest + 1)})


def test_a_location_may_reach_three_hundred_characters() -> None:
    assert announced(format="on_site", location="x" * 300).details.location == "x" * 300
    with pytest.raises(InvalidValue, match=r"^Location is longer than 300 characters\.$"):
        announced(format="on_site", location="x" * 301)


@pytest.mark.parametrize(("field", "what"), [("topics", "Topics"), ("regions", "Regions")])
def test_each_topic_and_region_is_a_line_of_up_to_a_hundred(field: str, what: str) -> None:
    extra = {"scope": "regional"} if field == "regions" else {}

    kept = announced(**extra, **{field: ["x" * 100, " Süd "]})

    assert getattr(kept.details, field) == ("x" * 100, "Süd")
    with pytest.raises(InvalidValue, match=rf"^{what} is longer than 100 characters\.$"):
        announced(**extra, **{field: ["x" * 101]})


@pytest.mark.parametrize(("field", "what"), [("topics", "Topics"), ("regions", "Regions")])
def test_a_list_names_up_to_fifty_entries(field: str, what: str) -> None:
    extra = {"scope": "regional"} if field == "regions" else {}
    fifty = [f"Eintrag {n}" for n in range(50)]

    assert len(getattr(announced(**extra, **{field: fifty}).details, field)) == 50
    with pytest.raises(InvalidValue, match=rf"^{what} may name at most 50 entries\.$"):
        announced(**extra, **{field: [*fifty, "Eintrag 50"]})


@pytest.mark.parametrize("value", ["Klima", None, 3, {"Klima"}])
def test_topics_are_a_list_or_a_tuple_of_texts(value: object) -> None:
    with pytest.raises(InvalidValue, match=r"^Topics must be a list of texts\.$"):
        check_details(details(topics=value))


def test_regions_must_be_a_list_too() -> None:
    with pytest.raises(InvalidValue, match=r"^Regions must be a list of texts\.$"):
        check_details(details(regions="Südwestfalen"))


def test_an_unknown_format_names_the_formats() -> None:
    with pytest.raises(
        InvalidValue, match=r"^Format 'online' is not one of: virtual, on_site, hybrid\.$"
    ):
        announced(format="online")


def test_without_an_agenda_the_series_names_none() -> None:
    assert announced(agenda_url=None).details.agenda_url is None


def test_the_checked_texts_are_the_ones_kept() -> None:
    kept = announced(
        title="  Wasser  ",
        host=" Stadt Wuppertal ",
        summary=" Kurz. ",
        contact_email=" team@example.org ",
        format="hybrid",
        location=" Rathaus ",
        reminder_offsets=["p1d", " pt2h "],
    ).details

    assert (kept.title, kept.host, kept.summary) == ("Wasser", "Stadt Wuppertal", "Kurz.")
    assert (kept.contact_email, kept.location) == ("team@example.org", "Rathaus")
    assert kept.reminder_offsets == ("P1D", "PT2H")
    assert kept.timezone == "Europe/Berlin"


def test_a_virtual_series_needs_no_location_and_keeps_none() -> None:
    assert announced(format="virtual", location="").details.location is None
    assert announced(reminder_offsets=None).details.reminder_offsets is None


@pytest.mark.parametrize("ends_on", [None, date(2024, 10, 1), date(2024, 10, 2)])
def test_a_series_ends_on_or_after_its_start_or_stays_open(ends_on: date | None) -> None:
    assert announced(starts_on=date(2024, 10, 1), ends_on=ends_on).details.ends_on == ends_on


def test_a_series_cannot_end_the_day_before_it_starts() -> None:
    with pytest.raises(InvalidValue, match=r"^The series cannot end before it starts\.$"):
        announced(starts_on=date(2024, 10, 1), ends_on=date(2024, 9, 30))


@pytest.mark.parametrize("planned", [1, 100])
def test_a_series_plans_one_to_a_hundred_meetings(planned: int) -> None:
    assert announced(planned_meetings=planned).details.planned_meetings == planned


@pytest.mark.parametrize("planned", [0, 101, "6", 6.0, None])
def test_other_plans_are_refused(planned: object) -> None:
    with pytest.raises(InvalidValue, match=r"^Planned meetings must be between 1 and 100\.$"):
        announced(planned_meetings=planned)


@pytest.mark.parametrize("capacity", [None, 1, 10000])
def test_a_capacity_is_one_to_ten_thousand_or_none(capacity: int | None) -> None:
    assert announced(capacity=capacity).details.capacity == capacity


@pytest.mark.parametrize("capacity", [0, 10001])
def test_a_capacity_outside_is_refused(capacity: int) -> None:
    with pytest.raises(
        InvalidValue, match=r"^Capacity must be between 1 and 10000 municipalities\.$"
    ):
        announced(capacity=capacity)


def test_a_regional_series_names_its_regions() -> None:
    with pytest.raises(
        InvalidValue, match=r"^A regional series must name the regions it admits\.$"
    ):
        announced(scope="regional", regions=[])
    assert announced(scope="thematic", regions=[]).details.regions == ()


@pytest.mark.parametrize("held", ["on_site", "hybrid"])
def test_a_series_met_in_person_needs_a_location(held: str) -> None:
    with pytest.raises(InvalidValue, match=rf"^A series held {held} needs a location\.$"):
        announced(format=held, location=None)


def test_a_revision_names_every_unknown_field_sorted() -> None:
    with pytest.raises(InvalidValue, match=r"^Unknown fields: colour, size\.$"):
        revise(details(), {"size": 3, "colour": "red", "title": "Neu"})


def test_a_revision_takes_lists_and_checks_the_whole() -> None:
    revised = revise(details(), {"topics": [" Wasser "], "capacity": 10, "title": " Neu "})

    assert (revised.topics, revised.capacity, revised.title) == (("Wasser",), 10, "Neu")
    with pytest.raises(InvalidValue, match="Capacity must be between"):
        revise(details(), {"capacity": 0})


def test_a_revision_keeps_what_it_does_not_name() -> None:
    current = check_details(details())

    assert revise(current, {}) == current


def test_every_announced_field_may_be_revised() -> None:
    fields: dict[str, Any] = {"timezone": "Europe/Vienna", "remind_on_site": True}

    revised = revise(check_details(details()), fields)

    assert (revised.timezone, revised.remind_on_site) == ("Europe/Vienna", True)


@pytest.mark.parametrize(
    ("field", "day", "what"),
    [
        ("starts_on", date(1999, 12, 31), "The start date"),
        ("ends_on", date(2200, 1, 1), "The end date"),
    ],
)
def test_a_day_outside_the_programme_calendar_is_named(field: str, day: date, what: str) -> None:
    with pytest.raises(
        InvalidValue, match=rf"^{what} must lie between 2000-01-01 and 2199-12-31\.$"
    ):
        announced(**{field: day})


def test_a_topic_or_region_named_twice_is_kept_once_in_its_first_place() -> None:
    checked = check_details(
        details(topics=["Wasser", "Klima", "Wasser"], regions=["Eifel", "Eifel"])
    )

    assert (checked.topics, checked.regions) == (("Wasser", "Klima"), ("Eifel",))
