"""The regions a regional series may admit: a closed list kept by the team.

A region is a name for display and the official keys it spans: a Land's two digits, a
district's five (Kreisschlüssel) or a municipality's eight (AGS). A municipality lies in a
region when one of its keys begins with one of the region's keys, so eligibility compares
keys, never the names people type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import InvalidValue, RegionAlreadyListed, RegionNotFound, RegionNotListed
from domain.official_keys import LAENDER
from domain.values import Municipality, require_line, same_name

REGIONS_ID = uuid5(NAMESPACE_URL, "peer-learning/regions")
MOST_KEYS = 500
_REGION_KEY = re.compile(r"[0-9]{2}(?:[0-9]{3}(?:[0-9]{3})?)?")


def require_region_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """The keys of a region, each a Land's, a district's or a municipality's; at least one."""
    unique = tuple(dict.fromkeys(keys))
    for key in unique:
        if not (isinstance(key, str) and _REGION_KEY.fullmatch(key) and key[:2] in LAENDER):
            raise InvalidValue(
                f"Region key '{key}' must be a Land's 2 digits (01 to 16), a district's 5 "
                "(Kreisschlüssel) or a municipality's 8 (AGS)."
            )
    if not 1 <= len(unique) <= MOST_KEYS:
        raise InvalidValue(f"A region spans 1 to {MOST_KEYS} official keys.")
    return unique


@dataclass(frozen=True)
class Region:
    region_id: UUID
    name: str
    keys: tuple[str, ...]

    def holds(self, municipality: Municipality) -> bool:
        return any(k.startswith(r) for k in municipality.official_keys for r in self.keys)


class Regions(Aggregate):
    @staticmethod
    def create_id(**_: object) -> UUID:
        return REGIONS_ID

    class ListStarted(Aggregate.Created):
        actor: str

    @event(ListStarted)
    def __init__(self, actor: str) -> None:
        self.regions: dict[str, Region] = {}

    def named(self, name: str) -> Region | None:
        return next((r for r in self.regions.values() if same_name(r.name, name)), None)

    def get(self, region_id: UUID) -> Region:
        if str(region_id) not in self.regions:
            raise RegionNotFound(region_id)
        return self.regions[str(region_id)]

    def listed(self, names: Iterable[str]) -> tuple[str, ...]:
        """The names as the list spells them; a name not on the list is refused."""
        spelled = []
        for name in names:
            region = self.named(name)
            if region is None:
                raise RegionNotListed(
                    f"Region '{name}' is not on the team's list of regions; choose one of "
                    f"{self.names_text()} or add it under /regions first."
                )
            spelled.append(region.name)
        return tuple(dict.fromkeys(spelled))

    def names_text(self) -> str:
        return ", ".join(sorted(r.name for r in self.regions.values())) or "(none yet)"

    def add(self, name: str, keys: Iterable[str], actor: str) -> UUID:
        name = require_line(name, "Region name", 100)
        if self.named(name):
            raise RegionAlreadyListed(f"A region named '{name}' is on the list already.")
        region_id = uuid4()
        self._added(region_id=region_id, name=name, keys=require_region_keys(keys), actor=actor)
        return region_id

    class RegionAdded(Aggregate.Event):
        region_id: UUID
        name: str
        keys: tuple[str, ...]
        actor: str

    @event(RegionAdded)
    def _added(self, region_id: UUID, name: str, keys: tuple[str, ...], actor: str) -> None:
        self.regions[str(region_id)] = Region(region_id, name, tuple(keys))

    def change_keys(self, region_id: UUID, keys: Iterable[str], actor: str) -> None:
        region = self.get(region_id)
        new_keys = require_region_keys(keys)
        if new_keys != region.keys:
            self._keys_changed(region_id=region_id, keys=new_keys, actor=actor)

    class RegionKeysChanged(Aggregate.Event):
        region_id: UUID
        keys: tuple[str, ...]
        actor: str

    @event(RegionKeysChanged)
    def _keys_changed(self, region_id: UUID, keys: tuple[str, ...], actor: str) -> None:
        old = self.regions[str(region_id)]
        self.regions[str(region_id)] = Region(old.region_id, old.name, tuple(keys))

    def remove(self, region_id: UUID, actor: str) -> None:
        self.get(region_id)
        self._removed(region_id=region_id, actor=actor)

    class RegionRemoved(Aggregate.Event):
        region_id: UUID
        actor: str

    @event(RegionRemoved)
    def _removed(self, region_id: UUID, actor: str) -> None:
        del self.regions[str(region_id)]


def in_regions(listed: Regions | None, names: Iterable[str], municipality: Municipality) -> bool:
    """Whether the municipality lies in one of the named regions, by its official keys.

    A name no longer or never on the list (series recorded before the list) admits nobody."""
    regions = [listed.named(n) for n in names] if listed else []
    return any(r is not None and r.holds(municipality) for r in regions)
