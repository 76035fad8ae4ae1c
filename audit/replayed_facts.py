"""A series' dated facts replayed from its events and its enrolments' (as recorded by a
moment), for its state on a day of the calendar as the live catalogue computes it.

The facts of a stream's first events never change (events are only ever appended, and facts
hold no personal data that erasure could shred), so each process keeps the facts it read
per series (`KeptReplays`): a second answer about the same series reads only the events
recorded since, instead of the whole history again. A fact that a later one replaces on every
day (`domain.day_state.replaces`: joining closed and reopened again the same day) is not kept
past the versions it was the last of, so a long run of such changes folds as one fact.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from application.app import PeerLearningApp
from domain.day_facts import Fact, FactKind, StreamFacts, facts_of, recorded_day
from domain.day_state import replaces

VersionAt = Callable[[PeerLearningApp, UUID, datetime], int]
KEPT_SERIES = 64


def replayed_facts(
    app: PeerLearningApp, series_id: UUID, version: int, as_of: datetime, version_at: VersionAt
) -> list[Fact]:
    """The series' facts up to `version`, then those of each enrolment it ever admitted, as
    recorded at `as_of` (the day's state needs each stream's order only)."""
    facts = kept_replays(app).series_facts(app, series_id, version)
    admitted = dict.fromkeys(f.subject for f in facts if f.kind == FactKind.ADMITTED)
    for enrollment_id in admitted:
        known = version_at(app, UUID(enrollment_id), as_of)
        if known:
            for event in app.events.get(UUID(enrollment_id), lte=known):
                facts += facts_of(event, recorded_day(event))
    return facts


@dataclass
class Replay:
    """One series' facts in recording order, as far as its events were read: the facts no
    later one replaces (`settled`), the last fact (`tail`), and for each version how many
    settled facts and which tail it had."""

    settled: list[Fact] = field(default_factory=list)
    tail: Fact | None = None
    versions: list[tuple[int, Fact | None]] = field(default_factory=list)
    stream: StreamFacts = field(default_factory=StreamFacts)

    def read_up_to(self, app: PeerLearningApp, series_id: UUID, version: int) -> None:
        read = len(self.versions)
        if version > read:
            for event in app.events.get(series_id, gt=read, lte=version):
                for fact in self.stream.read(event):
                    self._add(fact)
                self.versions.append((len(self.settled), self.tail))

    def _add(self, fact: Fact) -> None:
        if self.tail is not None and not replaces(fact, self.tail):
            self.settled.append(self.tail)
        self.tail = fact

    def facts(self, version: int) -> list[Fact]:
        if version < 1:
            return []
        count, tail = self.versions[version - 1]
        return self.settled[:count] + ([tail] if tail is not None else [])


class KeptReplays:
    """The replays of the series last asked about, least recently used out."""

    def __init__(self, size: int = KEPT_SERIES) -> None:
        self.size = size
        self._replays: OrderedDict[UUID, Replay] = OrderedDict()
        self._lock = threading.Lock()

    def series_facts(self, app: PeerLearningApp, series_id: UUID, version: int) -> list[Fact]:
        with self._lock:
            replay = self._replays.pop(series_id, None) or Replay()
            replay.read_up_to(app, series_id, version)
            self._replays[series_id] = replay
            while len(self._replays) > self.size:
                self._replays.popitem(last=False)
            return replay.facts(version)


_KEPT: weakref.WeakKeyDictionary[PeerLearningApp, KeptReplays] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def kept_replays(app: PeerLearningApp) -> KeptReplays:
    """This application's kept replays (each application keeps its own)."""
    with _KEPT_LOCK:
        kept = _KEPT.get(app)
        if kept is None:
            kept = _KEPT[app] = KeptReplays()
        return kept
