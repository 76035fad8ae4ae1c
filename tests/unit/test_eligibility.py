"""Who may enrol: no funded model projects, only a regional series' regions, joining open."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.eligibility import check_eligible
from domain.errors import ModelProjectAlreadyListed, ModelProjectNotFound, NotEligible
from domain.model_projects import FundedModelProjects
from domain.regions import Regions
from domain.values import Municipality
from tests.unit.builders import TODAY, announced

ARNSBERG = Municipality.of("Stadt Arnsberg", "05958004", "NRW", "Südwestfalen")
KALLETAL, LEMGO = "05766036", "05766044"
REGIONAL = {"scope": "regional", "regions": ["Südwestfalen", "Kreis Olpe"]}


def listed_regions() -> Regions:
    regions = Regions(actor="anna")
    regions.add("Südwestfalen", ["05958", "05962", "05966", "05970", "05974"], actor="anna")
    regions.add("Kreis Olpe", ["05966"], actor="anna")
    regions.add("Schleswig-Holstein", ["01"], actor="anna")
    return regions


@pytest.fixture
def funded() -> FundedModelProjects:
    registry = FundedModelProjects(actor="anna")
    registry.add(Municipality.of("Stadt Wuppertal", "05124000", "NRW"), actor="anna")
    registry.add(
        Municipality.of("Kalletal und Lemgo", KALLETAL, None, None, (LEMGO,)), actor="anna"
    )
    registry.add(Municipality.of("Landkreis Mayen-Koblenz", "07137"), actor="anna")
    registry.add(Municipality("Landkreis Wunsiedel"), actor="anna")  # listed before keys
    return registry


def test_an_outside_municipality_may_enrol(funded: FundedModelProjects) -> None:
    check_eligible(announced(), ARNSBERG, funded)


def test_a_project_listed_before_keys_is_refused_by_name(funded: FundedModelProjects) -> None:
    wunsiedel = Municipality.of("  landkreis WUNSIEDEL ", "09479")
    with pytest.raises(NotEligible, match="landkreis WUNSIEDEL is funded as a model project"):
        check_eligible(announced(), wunsiedel, funded)


def test_a_funded_model_project_is_refused_by_its_key(funded: FundedModelProjects) -> None:
    renamed = Municipality.of("Wuppertal", "05124000")
    with pytest.raises(NotEligible, match="Wuppertal is funded as a model project"):
        check_eligible(announced(), renamed, funded)


def test_another_spelling_with_the_key_of_a_funded_project_is_refused() -> None:
    registry = FundedModelProjects(actor="anna")
    registry.add(Municipality.of("Hansestadt Lübeck", "01003000"), actor="anna")
    with pytest.raises(NotEligible, match="Stadt Lübeck is funded as a model project"):
        check_eligible(announced(), Municipality.of("Stadt Lübeck", "01003000"), registry)


@pytest.mark.parametrize(("name", "key"), [("Gemeinde Kalletal", KALLETAL), ("Lemgo", LEMGO)])
def test_each_member_of_a_joint_project_is_refused(
    funded: FundedModelProjects, name: str, key: str
) -> None:
    with pytest.raises(NotEligible, match=f"{name} is funded as a model project"):
        check_eligible(announced(), Municipality.of(name, key), funded)
    check_eligible(announced(), Municipality.of("Stadt Lage", "05766040"), funded)


def test_a_funded_district_refuses_its_municipalities(funded: FundedModelProjects) -> None:
    with pytest.raises(NotEligible, match="Stadt Andernach is funded as a model project"):
        check_eligible(announced(), Municipality.of("Stadt Andernach", "07137003"), funded)
    check_eligible(announced(), Municipality.of("Stadt Koblenz", "07111000"), funded)


def test_a_same_named_place_with_another_key_is_not_the_funded_one() -> None:
    registry = FundedModelProjects(actor="anna")
    registry.add(Municipality.of("Neustadt", "07337066"), actor="anna")
    check_eligible(announced(), Municipality.of("Neustadt", "03256025"), registry)


def test_a_removed_model_project_may_enrol_again(funded: FundedModelProjects) -> None:
    wuppertal = Municipality.of("Stadt Wuppertal", "05124000")
    key = next(k for k, p in funded.projects.items() if p.key == "05124000")
    funded.remove(UUID(key), actor="anna")
    check_eligible(announced(), wuppertal, funded)


def test_the_list_names_each_project_once(funded: FundedModelProjects) -> None:
    with pytest.raises(
        ModelProjectAlreadyListed, match=r"Wuppertal is already listed .*\(as Stadt Wuppertal\)"
    ):
        funded.add(Municipality.of("Wuppertal", "05124000"), actor="anna")
    with pytest.raises(ModelProjectAlreadyListed, match=r"already listed .*as Kalletal und Lemgo"):
        funded.add(Municipality.of("Lemgo", LEMGO, None, None, ("05766040",)), actor="anna")
    missing = uuid4()
    with pytest.raises(ModelProjectNotFound, match=f"No funded model project with id {missing}"):
        funded.remove(missing, actor="anna")


def test_a_regional_series_admits_the_keys_of_its_regions() -> None:
    series, regions = announced(**REGIONAL), listed_regions()
    check_eligible(series, ARNSBERG, None, regions)
    check_eligible(series, Municipality.of("Stadt Olpe", "05966024"), None, regions)
    check_eligible(series, Municipality.of("Kreis Soest", "05974"), None, regions)


def test_a_regional_series_refuses_keys_outside_its_regions_whatever_region_is_typed() -> None:
    series, regions = announced(**REGIONAL), listed_regions()
    elsewhere = Municipality.of("Stadt Kiel", "01002000", region="Südwestfalen")
    with pytest.raises(NotEligible, match="admits only municipalities from Südwestfalen, Kreis"):
        check_eligible(series, elsewhere, None, regions)
    with pytest.raises(NotEligible, match="official key 01002000 of Stadt Kiel lies in none"):
        check_eligible(series, elsewhere, None, regions)


def test_a_key_beside_a_region_is_not_in_it() -> None:
    """05959 follows 05958 and shares its first four digits, but is not Südwestfalen."""
    series, regions = announced(**REGIONAL), listed_regions()
    with pytest.raises(NotEligible):
        check_eligible(series, Municipality.of("Stadt Nachbar", "05959001"), None, regions)


def test_a_region_not_on_the_list_admits_nobody() -> None:
    series = announced(scope="regional", regions=["Sauerland"])
    with pytest.raises(NotEligible):
        check_eligible(series, ARNSBERG, None, listed_regions())
    with pytest.raises(NotEligible):
        check_eligible(announced(**REGIONAL), ARNSBERG, None, None)


def test_a_thematic_series_admits_every_region() -> None:
    check_eligible(announced(), Municipality.of("Stadt Kiel", "01002000"), None, listed_regions())


def test_no_enrolment_when_joining_is_closed() -> None:
    series = announced()
    series.close_joining(actor="anna")
    with pytest.raises(NotEligible, match="Joining 'Urbane Digitale Zwillinge.*' is not possible"):
        check_eligible(series, ARNSBERG, None)


def test_no_enrolment_in_a_withdrawn_series() -> None:
    series = announced()
    series.withdraw(TODAY, today=TODAY, actor="anna")
    with pytest.raises(NotEligible, match="is not possible at the moment"):
        check_eligible(series, ARNSBERG, None)


def test_the_refusal_names_the_key_or_that_there_is_none() -> None:
    series, regions = announced(**REGIONAL), listed_regions()
    with pytest.raises(NotEligible) as refused:
        check_eligible(series, Municipality.of("Stadt Kiel", "01002000"), None, regions)
    assert str(refused.value) == (
        "This regional series admits only municipalities from Südwestfalen, Kreis Olpe; "
        "the official key 01002000 of Stadt Kiel lies in none of them."
    )
    with pytest.raises(NotEligible, match=r"the official key \(none\) of Gemeinde Alt lies"):
        check_eligible(series, Municipality("Gemeinde Alt"), None, regions)
