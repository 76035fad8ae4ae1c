"""A series' dated facts replayed from its events and its enrolments' (as recorded by a
moment), for its state on a day of the calendar as the live catalogue computes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from application.app import PeerLearningApp
from domain.day_facts import Fact, FactKind, StreamFacts, facts_of, recorded_day

VersionAt = Callable[[PeerLearningApp, UUID, datetime], int]


def replayed_facts(
    app: PeerLearningApp, series_id: UUID, version: int, as_of: datetime, version_at: VersionAt
) -> list[Fact]:
    """The series' facts up to `version`, then those of each enrolment it ever admitted, as
    recorded at `as_of` (the day's state needs each stream's order only)."""
    stream = StreamFacts()
    facts = [f for event in app.events.get(series_id, lte=version) for f in stream.read(event)]
    admitted = dict.fromkeys(f.subject for f in facts if f.kind == FactKind.ADMITTED)
    for enrollment_id in admitted:
        known = version_at(app, UUID(enrollment_id), as_of)
        if known:
            for event in app.events.get(UUID(enrollment_id), lte=known):
                facts += facts_of(event, recorded_day(event))
    return facts
