"""Who may enrol in a series."""

from __future__ import annotations

from domain.errors import NotEligible
from domain.model_projects import FundedModelProjects
from domain.peer_learning import PeerLearning
from domain.values import Municipality, Scope, same_name


def check_eligible(
    series: PeerLearning,
    municipality: Municipality,
    funded: FundedModelProjects | None,
) -> None:
    if not series.joining_possible:
        raise NotEligible(f"Joining '{series.details.title}' is not possible at the moment.")
    if funded is not None and funded.find(municipality):
        raise NotEligible(
            f"{municipality.name} is funded as a model project and cannot enrol; "
            "Peer-Learnings are for municipalities outside the programme."
        )
    if series.details.scope == Scope.REGIONAL:
        _check_region(series, municipality)


def _check_region(series: PeerLearning, municipality: Municipality) -> None:
    regions = series.details.regions
    if municipality.region and any(same_name(municipality.region, r) for r in regions):
        return
    raise NotEligible(
        f"This regional series admits only municipalities from {', '.join(regions)}; "
        f"{municipality.name} gave region '{municipality.region or 'none'}'."
    )
