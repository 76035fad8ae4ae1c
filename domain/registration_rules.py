"""Who may register on their own, and why not: each refusal has a reason the public is told
in its language."""

from __future__ import annotations

from domain.errors import RegistrationRefused
from domain.model_projects import FundedModelProjects
from domain.peer_learning import PeerLearning
from domain.values import Municipality, Scope, same_name

# The first two digits of the official key (AGS) name the Land.
LAENDER = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}


def land_of(key: str | None) -> str | None:
    return LAENDER.get(key[:2]) if key else None


def check_may_register(
    series: PeerLearning,
    municipality: Municipality,
    funded: FundedModelProjects | None,
    already_enrolled: bool,
) -> None:
    if not series.joining_possible:
        raise RegistrationRefused("joining-closed", "Joining this series is not possible now.")
    if funded is not None and funded.find(municipality.name, municipality.key):
        raise RegistrationRefused(
            "model-project", f"{municipality.name} is funded as a model project."
        )
    if series.details.scope == Scope.REGIONAL and not _in_region(series, municipality):
        raise RegistrationRefused(
            "outside-region", f"{municipality.name} lies outside the series' region."
        )
    if already_enrolled:
        raise RegistrationRefused(
            "already-enrolled", f"{municipality.name} is already enrolled in this series."
        )


def _in_region(series: PeerLearning, municipality: Municipality) -> bool:
    places = [p for p in (municipality.region, municipality.state) if p]
    return any(same_name(place, r) for place in places for r in series.details.regions)
