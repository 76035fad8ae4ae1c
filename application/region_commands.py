"""Commands on the team's list of regions, and the check that a series names only listed
regions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from application.store_application import StoreApplication
from domain.peer_learning import PeerLearning
from domain.regions import Regions
from domain.values import Scope


class RegionCommands(StoreApplication):
    def add_region(self, name: str, keys: Iterable[str], actor: str) -> UUID:
        regions = self.regions() or Regions(actor=actor)
        region_id = regions.add(name, keys, actor=actor)
        self.record(regions)
        return region_id

    def change_region_keys(self, region_id: UUID, keys: Iterable[str], actor: str) -> None:
        regions = self._listed_regions()
        regions.change_keys(region_id, keys, actor=actor)
        self.record(regions)

    def remove_region(self, region_id: UUID, actor: str) -> None:
        regions = self._listed_regions()
        regions.remove(region_id, actor=actor)
        self.record(regions)

    def _listed_regions(self) -> Regions:
        return self.regions() or Regions(actor="system")

    def with_listed_regions(self, details: dict[str, Any]) -> dict[str, Any]:
        """The details with their regions spelled as the list spells them; a region not on
        the list is refused."""
        if details.get("regions"):
            details = {**details, "regions": self._listed_regions().listed(details["regions"])}
        return details

    def regions_for(self, series: PeerLearning) -> Regions | None:
        """The list, when the series admits by region."""
        return self.regions() if series.details.scope == Scope.REGIONAL else None
