"""Who may enrol: no funded model projects, only a regional series' regions, joining open."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.eligibility import check_eligible
from domain.errors import ModelProjectAlreadyListed, ModelProjectNotFound, NotEligible
from domain.model_projects import FundedModelProjects
from domain.values import Municipality
from tests.unit.builders import TODAY, announced

ARNSBERG = Municipality.of("Stadt Arnsberg", "05958004", "NRW", "Südwestfalen")
REGIONAL = {"scope": "regional", "regions": ["Südwestfalen", "Kreis Olpe"]}


@pytest.fixture
def funded() -> FundedModelProjects:
    registry = FundedModelProjects(actor="anna")
    registry.add(Municipality.of("Stadt Wuppertal", "05124000", "NRW"), actor="anna")
    registry.add(Municipality.of("Landkreis Wunsiedel"), actor="anna")
    return registry


def test_an_outside_municipality_may_enrol(funded: FundedModelProjects) -> None:
    check_eligible(announced(), ARNSBERG, funded)


def test_a_funded_model_project_is_refused_by_name(funded: FundedModelProjects) -> None:
    wunsiedel = Municipality.of("  landkreis WUNSIEDEL ")
    with pytest.raises(NotEligible, match="landkreis WUNSIEDEL is funded as a model project"):
        check_eligible(announced(), wunsiedel, funded)


def test_a_funded_model_project_is_refused_by_its_key(funded: FundedModelProjects) -> None:
    renamed = Municipality.of("Wuppertal", "05124000")
    with pytest.raises(NotEligible, match="Wuppertal is funded as a model project"):
        check_eligible(announced(), renamed, funded)


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
    with pytest.raises(ModelProjectAlreadyListed, match="Stadt Wuppertal is already listed"):
        funded.add(Municipality.of("Stadt Wuppertal"), actor="anna")
    missing = uuid4()
    with pytest.raises(ModelProjectNotFound, match=f"No funded model project with id {missing}"):
        funded.remove(missing, actor="anna")


def test_a_regional_series_admits_its_regions() -> None:
    series = announced(**REGIONAL)
    check_eligible(series, ARNSBERG, None)
    check_eligible(series, Municipality.of("Stadt Olpe", region="kreis olpe"), None)


def test_a_regional_series_refuses_other_regions() -> None:
    series = announced(**REGIONAL)
    elsewhere = Municipality.of("Stadt Kiel", region="Schleswig-Holstein")
    with pytest.raises(NotEligible, match="admits only municipalities from Südwestfalen, Kreis"):
        check_eligible(series, elsewhere, None)
    with pytest.raises(NotEligible, match="Stadt Lohr gave region 'none'"):
        check_eligible(series, Municipality.of("Stadt Lohr"), None)


def test_a_thematic_series_admits_every_region() -> None:
    check_eligible(announced(), Municipality.of("Stadt Kiel", region="Schleswig-Holstein"), None)


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
