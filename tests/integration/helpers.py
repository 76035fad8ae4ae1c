"""Reading back what a store recorded, for the integration tests."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.app import PeerLearningApp


def recorded_events(app: PeerLearningApp, originator_id: UUID | None = None) -> list[Any]:
    """Every domain event in the order the store notified them (snapshots excluded)."""
    notifications = app.recorder.select_notifications(start=None, limit=100000)
    events = [app.mapper.to_domain_event(n) for n in notifications]
    if originator_id is None:
        return events
    return [e for e in events if e.originator_id == originator_id]


def event_names(app: PeerLearningApp, originator_id: UUID | None = None) -> list[str]:
    return [type(e).__name__ for e in recorded_events(app, originator_id)]
