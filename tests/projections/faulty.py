"""A view with a bug on one kind of event, switched on and off by the test."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.enrollment import Enrollment
from projections.tables import Table
from projections.view import Batch, key

JOINS = Table(name="view_test_joins", key="participant_id", columns=("participant_id", "name"))


class JoinsView:
    """Counts joins; raises on a join while `broken` names the person joining."""

    name = "joins"
    tables: tuple[Table, ...] = (JOINS,)
    reads: tuple[type, ...] = (Enrollment.ParticipantJoined,)

    def __init__(self) -> None:
        self.broken: str | None = None

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if not isinstance(event, Enrollment.ParticipantJoined):
            return
        person = event.participant.person
        if person.name == self.broken:
            raise KeyError(f"no seat for {person.name} <{person.email}>")
        batch.rows.put(JOINS, {"participant_id": key(person.subject_id), "name": person.name})
