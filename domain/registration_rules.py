"""Who may register on their own, and why not: each refusal has a reason the public is told
in its language; and that a registration names each person once."""

from __future__ import annotations

from domain.errors import InvalidValue, RegistrationRefused
from domain.model_projects import FundedModelProjects
from domain.official_keys import LAENDER, land_of
from domain.peer_learning import PeerLearning
from domain.regions import Regions, in_regions
from domain.values import Municipality, Participant, Scope

__all__ = ["LAENDER", "check_may_register", "land_of", "require_distinct_people"]


def check_may_register(
    series: PeerLearning,
    municipality: Municipality,
    funded: FundedModelProjects | None,
    already_enrolled: bool,
    regions: Regions | None = None,
) -> None:
    if not series.joining_possible:
        raise RegistrationRefused("joining-closed", "Joining this series is not possible now.")
    if funded is not None and funded.find(municipality):
        raise RegistrationRefused(
            "model-project", f"{municipality.name} is funded as a model project."
        )
    if series.details.scope == Scope.REGIONAL and not in_regions(
        regions, series.details.regions, municipality
    ):
        raise RegistrationRefused(
            "outside-region", f"{municipality.name} lies outside the series' region."
        )
    if already_enrolled:
        raise RegistrationRefused(
            "already-enrolled", f"{municipality.name} is already enrolled in this series."
        )


def require_distinct_people(contact: Participant, participants: tuple[Participant, ...]) -> None:
    """Each e-mail address once: the enrolment a registration becomes takes each person
    once, its contact included, so a second one would stop it from being accepted."""
    seen: set[str] = set()
    for one in (contact, *participants):
        address = one.person.email.casefold()
        if address in seen:
            raise InvalidValue(
                f"{one.person.email} is given twice; name each person once "
                "(the contact takes part without being listed again)."
            )
        seen.add(address)
