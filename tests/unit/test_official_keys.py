"""The official key is a municipality's identity: its shape, its Land, what it excludes."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.enrollment_steps import enrollment_id_by_name, enrollment_id_for, enrollment_id_of
from domain.errors import InvalidValue
from domain.official_keys import LAENDER, disagreement, district_of, land_of
from domain.values import Municipality

LUEBECK = "01003000"
KALLETAL, LEMGO = "05766036", "05766044"
MAYEN_KOBLENZ = "07137"


@pytest.mark.parametrize(
    ("key", "land"),
    [
        (LUEBECK, "Schleswig-Holstein"),
        (MAYEN_KOBLENZ, "Rheinland-Pfalz"),
        ("16053000", "Thüringen"),
    ],
)
def test_the_land_follows_from_the_first_two_digits(key: str, land: str) -> None:
    assert land_of(key) == land
    assert Municipality.of("Ort", key).state == land


@pytest.mark.parametrize("state", ["Schleswig-Holstein", "schleswig-holstein ", "SH"])
def test_a_state_given_must_agree_with_the_key(state: str) -> None:
    assert disagreement(LUEBECK, state) is None
    assert Municipality.of("Hansestadt Lübeck", LUEBECK, state).state == "Schleswig-Holstein"


@pytest.mark.parametrize("state", ["Bayern", "NRW", "Hamburg"])
def test_a_state_disagreeing_with_the_key_names_the_keys_land(state: str) -> None:
    with pytest.raises(InvalidValue, match=f"{LUEBECK} belongs to Schleswig-Holstein, not to"):
        Municipality.of("Stadt Lübeck", LUEBECK, state)


def test_every_land_has_its_number() -> None:
    assert sorted(LAENDER) == [f"{n:02d}" for n in range(1, 17)]


def test_a_municipalitys_district_is_its_first_five_digits() -> None:
    assert district_of("07137003") == MAYEN_KOBLENZ
    assert district_of(MAYEN_KOBLENZ) == MAYEN_KOBLENZ


def test_a_joint_project_carries_the_keys_of_all_its_members() -> None:
    joint = Municipality.of("Kalletal und Lemgo", KALLETAL, "NRW", None, (LEMGO, KALLETAL))
    assert joint.official_keys == (KALLETAL, LEMGO)
    assert joint.covers(Municipality.of("Gemeinde Kalletal", KALLETAL))
    assert joint.covers(Municipality.of("Lemgo", LEMGO))
    assert not joint.covers(Municipality.of("Stadt Lage", "05766040"))


def test_each_further_key_is_checked() -> None:
    with pytest.raises(InvalidValue, match="'0576604' must be the 8-digit"):
        Municipality.of("Kalletal und Lemgo", KALLETAL, None, None, ("0576604",))


def test_a_district_covers_its_municipalities_not_its_neighbours() -> None:
    district = Municipality.of("Landkreis Mayen-Koblenz", MAYEN_KOBLENZ)
    assert district.covers(Municipality.of("Stadt Andernach", "07137003"))
    assert district.covers(Municipality.of("Mayen-Koblenz", MAYEN_KOBLENZ))
    assert not district.covers(Municipality.of("Stadt Koblenz", "07111000"))


def test_names_do_not_matter_where_keys_are_given() -> None:
    luebeck = Municipality.of("Hansestadt Lübeck", LUEBECK)
    assert luebeck.covers(Municipality.of("Stadt Lübeck", LUEBECK))
    assert not luebeck.covers(Municipality.of("Hansestadt Lübeck", "01001000"))


def test_a_place_recorded_without_a_key_is_known_by_its_name() -> None:
    legacy = Municipality("Hansestadt Lübeck")
    assert legacy.covers(Municipality.of(" hansestadt LÜBECK", LUEBECK))
    assert not legacy.covers(Municipality.of("Stadt Lübeck", LUEBECK))


def test_the_enrolment_id_derives_from_the_key_alone() -> None:
    series = uuid4()
    one = Municipality.of("Gemeinde Dornstadt", "08425031")
    other = Municipality.of("Dornstadt", "08425031", "BW", "Alb-Donau")
    assert enrollment_id_of(series, one) == enrollment_id_of(series, other)
    assert enrollment_id_of(series, one) == enrollment_id_for(series, "08425031")
    assert enrollment_id_of(uuid4(), one) != enrollment_id_of(series, one)
    assert enrollment_id_for(series, "08425031") != enrollment_id_for(series, "08421000")


def test_an_enrolment_recorded_without_a_key_keeps_its_id_from_the_name() -> None:
    series = uuid4()
    legacy = Municipality("Gemeinde Dornstadt")
    assert enrollment_id_of(series, legacy) == enrollment_id_by_name(series, "gemeinde  dornstadt")
