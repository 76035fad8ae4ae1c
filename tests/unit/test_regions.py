"""The team's list of regions: names for display, keys for eligibility."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.errors import InvalidValue, RegionAlreadyListed, RegionNotFound, RegionNotListed
from domain.regions import MOST_KEYS, Regions, in_regions, require_region_keys
from domain.values import Municipality

ARNSBERG = Municipality.of("Stadt Arnsberg", "05958004")
KIEL = Municipality.of("Stadt Kiel", "01002000")


@pytest.fixture
def regions() -> Regions:
    listed = Regions(actor="anna")
    listed.add("Südwestfalen", ["05958", "05962", "05966", "05970", "05974"], actor="anna")
    return listed


@pytest.mark.parametrize("key", ["01", "16", "05958", "05958004"])
def test_a_region_spans_lands_districts_and_municipalities(key: str) -> None:
    assert require_region_keys([key, key]) == (key,)


@pytest.mark.parametrize("key", ["00", "17", "1", "059", "0595", "059580", "0595800", "059580041"])
def test_a_region_key_of_another_length_or_land_is_refused(key: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        require_region_keys([key])
    assert str(refused.value) == (
        f"Region key '{key}' must be a Land's 2 digits (01 to 16), a district's 5 "
        "(Kreisschlüssel) or a municipality's 8 (AGS)."
    )


def test_a_region_spans_at_least_one_and_at_most_so_many_keys() -> None:
    with pytest.raises(InvalidValue, match=f"spans 1 to {MOST_KEYS}"):
        require_region_keys([])
    many = [f"05{n:06d}" for n in range(MOST_KEYS + 1)]
    assert len(require_region_keys(many[:MOST_KEYS])) == MOST_KEYS
    with pytest.raises(InvalidValue, match=f"spans 1 to {MOST_KEYS}"):
        require_region_keys(many)


def test_a_municipality_lies_in_a_region_by_its_key(regions: Regions) -> None:
    assert in_regions(regions, ["Südwestfalen"], ARNSBERG)
    assert in_regions(regions, [" SÜDWESTFALEN"], Municipality.of("Kreis Olpe", "05966"))
    assert not in_regions(regions, ["Südwestfalen"], KIEL)
    assert not in_regions(regions, ["Sauerland"], ARNSBERG)
    assert not in_regions(None, ["Südwestfalen"], ARNSBERG)
    assert not in_regions(regions, [], ARNSBERG)


def test_a_joint_project_lies_in_a_region_when_any_member_does(regions: Regions) -> None:
    joint = Municipality.of("Kiel und Olpe", "01002000", further_keys=("05966024",))
    assert in_regions(regions, ["Südwestfalen"], joint)


def test_series_name_only_listed_regions_as_the_list_spells_them(regions: Regions) -> None:
    assert regions.listed([" südwestfalen", "SÜDWESTFALEN"]) == ("Südwestfalen",)
    with pytest.raises(RegionNotListed, match="'Sauerland' is not on the team's list"):
        regions.listed(["Südwestfalen", "Sauerland"])
    with pytest.raises(RegionNotListed, match="choose one of Südwestfalen or add it"):
        regions.listed(["Sauerland"])
    assert Regions(actor="anna").names_text() == "(none yet)"


def test_one_name_is_listed_once(regions: Regions) -> None:
    with pytest.raises(RegionAlreadyListed, match="'südwestfalen' is on the list already"):
        regions.add("südwestfalen ", ["05"], actor="anna")


def test_a_region_name_is_one_line_of_at_most_100_characters(regions: Regions) -> None:
    with pytest.raises(InvalidValue, match="^Region name must be one line"):
        regions.add("Nord\nrhein", ["05"], actor="anna")
    with pytest.raises(InvalidValue, match="^Region name "):
        regions.add("R" * 101, ["05"], actor="anna")
    regions.add("R" * 100, ["05"], actor="anna")
    assert regions.named("R" * 100) is not None


def test_each_change_names_who_made_it(regions: Regions) -> None:
    region_id = regions.add("Sauerland", ["05958"], actor="ben")
    regions.remove(region_id, actor="cem")
    added, removed = regions.collect_events()[-2:]
    assert (added.actor, removed.actor) == ("ben", "cem")  # type: ignore[attr-defined]


def test_the_names_are_told_in_order(regions: Regions) -> None:
    regions.add("Allgäu", ["09763", "09777"], actor="anna")
    assert regions.names_text() == "Allgäu, Südwestfalen"


def test_the_team_corrects_a_regions_keys(regions: Regions) -> None:
    region = regions.named("Südwestfalen")
    assert region is not None
    version = regions.version
    regions.change_keys(region.region_id, ["05958"], actor="ben")
    assert regions.get(region.region_id).keys == ("05958",)
    assert regions.get(region.region_id).name == "Südwestfalen"
    assert not in_regions(regions, ["Südwestfalen"], Municipality.of("Stadt Olpe", "05966024"))
    regions.change_keys(region.region_id, ["05958"], actor="ben")
    assert regions.version == version + 1
    events = regions.collect_events()
    assert events[-1].actor == "ben"  # type: ignore[attr-defined]


def test_the_team_removes_a_region(regions: Regions) -> None:
    region = regions.named("Südwestfalen")
    assert region is not None
    regions.remove(region.region_id, actor="ben")
    assert regions.named("Südwestfalen") is None
    with pytest.raises(RegionNotFound, match=f"No region with id {region.region_id} on"):
        regions.remove(region.region_id, actor="ben")
    with pytest.raises(RegionNotFound):
        regions.change_keys(uuid4(), ["05"], actor="ben")
