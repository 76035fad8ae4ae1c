"""Who may enrol in a series."""

from __future__ import annotations

from domain.errors import NotEligible
from domain.model_projects import FundedModelProjects
from domain.peer_learning import PeerLearning
from domain.regions import Regions, in_regions
from domain.values import Municipality, Scope


def check_eligible(
    series: PeerLearning,
    municipality: Municipality,
    funded: FundedModelProjects | None,
    regions: Regions | None = None,
) -> None:
    if not series.joining_possible:
        raise NotEligible(f"Joining '{series.details.title}' is not possible at the moment.")
    if funded is not None and funded.find(municipality):
        raise NotEligible(
            f"{municipality.name} is funded as a model project and cannot enrol; "
            "Peer-Learnings are for municipalities outside the programme."
        )
    if series.details.scope == Scope.REGIONAL:
        _check_region(series, municipality, regions)


def _check_region(series: PeerLearning, municipality: Municipality, listed: Regions | None) -> None:
    names = series.details.regions
    if in_regions(listed, names, municipality):
        return
    raise NotEligible(
        f"This regional series admits only municipalities from {', '.join(names)}; "
        f"the official key {municipality.key or '(none)'} of {municipality.name} lies in none "
        "of them."
    )
