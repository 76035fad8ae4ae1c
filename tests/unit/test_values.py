"""Shapes of values: keys, e-mails, texts, time zones and what a series announces."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any
from uuid import uuid4

import pytest

from domain.errors import InvalidValue
from domain.values import Municipality, PersonalData, require_email, require_text
from tests.unit.builders import announced


@pytest.mark.parametrize(
    "key",
    [
        "0595800",
        "059580041",
        "05958OO4",
        "05 958 004",
        "",
        "05958004\n",
        "٠٥٩٥٨٠٠٤",
        "0595",
        "059580",
    ],
)
def test_a_key_has_eight_digits_for_a_municipality_or_five_for_a_district(key: str) -> None:
    with pytest.raises(InvalidValue, match="8-digit municipality key .AGS. or the 5-digit"):
        Municipality.of("Stadt Arnsberg", key)


@pytest.mark.parametrize("key", ["00123456", "17000000", "99999"])
def test_a_key_begins_with_the_number_of_a_land(key: str) -> None:
    with pytest.raises(InvalidValue, match="of a Land"):
        Municipality.of("Irgendwo", key)


def test_a_municipality_needs_its_key_and_a_name() -> None:
    assert Municipality.of("Stadt Arnsberg", "05958004").key == "05958004"
    assert Municipality.of("Landkreis Mayen-Koblenz", "07137").key == "07137"
    with pytest.raises(InvalidValue, match="must be the 8-digit municipality key"):
        Municipality.of("Stadt Arnsberg")
    with pytest.raises(InvalidValue, match="Municipality name must not be empty"):
        Municipality.of("   ", "05958004")


@pytest.mark.parametrize(
    "email", ["jörg", "jörg@arnsberg", "a b@arnsberg.de", "@arnsberg.de", "a@@arnsberg.de"]
)
def test_invalid_emails_are_refused(email: str) -> None:
    with pytest.raises(InvalidValue, match="is not a valid e-mail address"):
        PersonalData.of(uuid4(), "Jörg", email)


def test_valid_emails_are_kept() -> None:
    assert require_email(" joerg.gross@arnsberg.de ") == "joerg.gross@arnsberg.de"
    assert require_email("joerg@xn--strae-oqa.de") == "joerg@xn--strae-oqa.de"


def test_an_address_the_mails_cannot_carry_is_refused_with_its_ascii_form() -> None:
    with pytest.raises(InvalidValue, match="write its domain in ASCII, as joerg@xn--strae-oqa.de"):
        require_email("joerg@straße.de")
    with pytest.raises(InvalidValue, match="Internationalized characters before the @-sign"):
        require_email("jörg@strasse.de")


@pytest.mark.parametrize("bad", ["Stadt\x00Arnsberg", "Bell\x07", "Esc\x1b[31m", "Del\x7f"])
def test_control_characters_are_refused(bad: str) -> None:
    with pytest.raises(InvalidValue, match="Title contains control characters"):
        require_text(bad, "Title")


def test_umlauts_and_sharp_s_come_back_as_written() -> None:
    decomposed = unicodedata.normalize("NFD", "Südwestfalen – Groß Gerau")
    kept = require_text(decomposed, "Region")
    assert kept == "Südwestfalen – Groß Gerau"
    assert unicodedata.is_normalized("NFC", kept)
    multi_line = "Erste Zeile\nzweite\tZeile"
    assert require_text(multi_line, "Summary") == multi_line


def test_texts_have_a_maximum_length() -> None:
    with pytest.raises(InvalidValue, match="Title is longer than 300 characters"):
        announced(title="x" * 301)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": " "}, "Title must not be empty"),
        ({"scope": "national"}, "Scope 'national' is not one of: thematic, regional"),
        ({"scope": "regional", "regions": []}, "regional series must name the regions"),
        ({"format": "on_site", "location": None}, "held on_site needs a location"),
        ({"format": "hybrid", "location": ""}, "held hybrid needs a location"),
        ({"ends_on": date(2024, 9, 1)}, "cannot end before it starts"),
        ({"planned_meetings": 0}, "Planned meetings must be between 1 and 100"),
        ({"capacity": 0}, "Capacity must be between 1 and 10000"),
        ({"agenda_url": "ftp://x.example"}, "Agenda URL must start with https://"),
        ({"contact_email": "startsmart"}, "Contact e-mail 'startsmart' is not a valid"),
        ({"timezone": "Mars/Olympus"}, "Unknown time zone 'Mars/Olympus'"),
        ({"topics": "Klima"}, "Topics must be a list of texts"),
        ({"starts_on": "2024-10-01"}, "start date must be a date"),
        ({"reminder_offsets": ["P1X"]}, "'P1X' is not an ISO 8601 duration"),
    ],
)
def test_what_a_series_announces_is_checked(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        announced(**overrides)


def test_revising_details_checks_the_whole_and_refuses_unknown_fields() -> None:
    series = announced()
    with pytest.raises(InvalidValue, match="Unknown fields: colour"):
        series.revise_details({"colour": "red"}, actor="anna")
    with pytest.raises(InvalidValue, match="regional series must name the regions"):
        series.revise_details({"scope": "regional"}, actor="anna")
    series.revise_details({"scope": "regional", "regions": ["Südwestfalen"]}, actor="anna")
    assert series.details.regions == ("Südwestfalen",)
