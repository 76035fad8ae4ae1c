"""Who may register on their own: each refusal names its reason, which the public is told in
its language, and the message the team reads."""

from __future__ import annotations

import pytest

from domain.errors import RegistrationRefused
from domain.model_projects import FundedModelProjects
from domain.peer_learning import PeerLearning
from domain.regions import Regions
from domain.registration_rules import LAENDER, check_may_register, land_of
from domain.values import Municipality
from tests.unit.builders import announced

ARNSBERG = Municipality.of("Stadt Arnsberg", key="05958004", state="NRW", region="Südwestfalen")


def regions() -> Regions:
    listed = Regions(actor="anna")
    listed.add("Südwestfalen", ["05958", "05962", "05966", "05970", "05974"], actor="anna")
    listed.add("Nordrhein-Westfalen", ["05"], actor="anna")
    listed.add("Oberfranken", ["09461", "09471"], actor="anna")
    listed.add("Bayern", ["09"], actor="anna")
    return listed


def funded(*projects: Municipality) -> FundedModelProjects:
    listed = FundedModelProjects(actor="anna")
    for project in projects:
        listed.add(project, actor="anna")
    return listed


def refusal(
    series: PeerLearning,
    municipality: Municipality = ARNSBERG,
    projects: FundedModelProjects | None = None,
    already_enrolled: bool = False,
) -> RegistrationRefused:
    with pytest.raises(RegistrationRefused) as refused:
        check_may_register(series, municipality, projects, already_enrolled, regions())
    return refused.value


@pytest.mark.parametrize(
    ("key", "land"),
    [
        ("01001000", "Schleswig-Holstein"),
        ("02000000", "Hamburg"),
        ("03241001", "Niedersachsen"),
        ("04011000", "Bremen"),
        ("05958004", "Nordrhein-Westfalen"),
        ("06411000", "Hessen"),
        ("07111000", "Rheinland-Pfalz"),
        ("08111000", "Baden-Württemberg"),
        ("09162000", "Bayern"),
        ("10041100", "Saarland"),
        ("11000000", "Berlin"),
        ("12054000", "Brandenburg"),
        ("13003000", "Mecklenburg-Vorpommern"),
        ("14612000", "Sachsen"),
        ("15003000", "Sachsen-Anhalt"),
        ("16051000", "Thüringen"),
    ],
)
def test_the_official_key_names_the_land(key: str, land: str) -> None:
    assert land_of(key) == land


def test_there_are_sixteen_laender_and_no_key_or_an_unknown_one_names_none() -> None:
    assert len(LAENDER) == 16
    assert land_of(None) is None
    assert land_of("") is None
    assert land_of("17000000") is None
    assert land_of("00000000") is None


def test_an_open_series_takes_a_registration() -> None:
    check_may_register(announced(), ARNSBERG, funded(), already_enrolled=False)
    check_may_register(announced(), ARNSBERG, None, already_enrolled=False)


def test_a_series_closed_for_joining_refuses_registrations() -> None:
    series = announced()
    series.close_joining(actor="anna")

    refused = refusal(series)

    assert refused.reason == "joining-closed"
    assert str(refused) == "Joining this series is not possible now."


def test_a_funded_model_project_may_not_register() -> None:
    listed = funded(
        Municipality.of("Stadt Wuppertal", "05124000"), Municipality.of("X", key="05958004")
    )

    refused = refusal(announced(), projects=listed)

    assert refused.reason == "model-project"
    assert str(refused) == "Stadt Arnsberg is funded as a model project."


def test_a_municipality_not_on_the_funded_list_may_register() -> None:
    check_may_register(
        announced(), ARNSBERG, funded(Municipality.of("Stadt Wuppertal", "05124000")), False
    )


def test_a_regional_series_refuses_a_municipality_outside_its_regions() -> None:
    series = announced(scope="regional", regions=["Oberfranken", "Bayern"])

    refused = refusal(series)

    assert refused.reason == "outside-region"
    assert str(refused) == "Stadt Arnsberg lies outside the series' region."


@pytest.mark.parametrize(
    "names", [["Südwestfalen"], ["Oberfranken", "Nordrhein-Westfalen"], ["südwestfalen "]]
)
def test_a_regional_series_takes_a_municipality_whose_key_lies_in_its_region_or_land(
    names: list[str],
) -> None:
    series = announced(scope="regional", regions=names)

    check_may_register(series, ARNSBERG, None, False, regions())
    check_may_register(
        series, Municipality.of("Stadt Arnsberg", "05958004"), None, False, regions()
    )


def test_the_region_a_municipality_types_does_not_count() -> None:
    series = announced(scope="regional", regions=["Südwestfalen"])
    kiel = Municipality.of("Stadt Kiel", "01002000", region="Südwestfalen")

    assert refusal(series, kiel).reason == "outside-region"


def test_a_thematic_series_takes_municipalities_from_anywhere() -> None:
    check_may_register(
        announced(scope="thematic"), Municipality.of("Stadt Kiel", "01002000"), None, False, None
    )


def test_an_enrolled_municipality_does_not_register_again() -> None:
    refused = refusal(announced(), already_enrolled=True)

    assert refused.reason == "already-enrolled"
    assert str(refused) == "Stadt Arnsberg is already enrolled in this series."


def test_the_first_broken_rule_is_the_one_told() -> None:
    series = announced(scope="regional", regions=["Oberfranken"])
    listed = funded(ARNSBERG)

    assert refusal(series, projects=listed, already_enrolled=True).reason == "model-project"
    assert refusal(series, already_enrolled=True).reason == "outside-region"
    series.close_joining(actor="anna")
    assert refusal(series, projects=listed, already_enrolled=True).reason == "joining-closed"
