"""A series' dated facts replayed from its events and its enrolments' (as recorded by a
moment), for its state on a day of the calendar as the live catalogue computes it.

The facts of a stream's first events never change (events are only ever appended, and facts
hold no personal data that erasure could shred), so each process keeps the facts it read
per series (`KeptReplays`): a second answer about the same series reads only the events
recorded since, instead of the whole history again.
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
    """One series' facts, per event in version order, as far as its events were read."""

    per_event: list[list[Fact]] = field(default_factory=list)
    stream: StreamFacts = field(default_factory=StreamFacts)

    def read_up_to(self, app: PeerLearningApp, series_id: UUID, version: int) -> None:
        read = len(self.per_event)
        if version > read:
            for event in app.events.get(series_id, gt=read, lte=version):
                self.per_event.append(self.stream.read(event))

    def facts(self, version: int) -> list[Fact]:
        return [f for facts in self.per_event[:version] for f in facts]


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
