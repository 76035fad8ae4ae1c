"""The course mails owed read model: an enrolment that moved up from the waiting list, a
participant who joined (a welcome, if they joined after the seat's mail), a series that was
closed or withdrawn, each with the moment it happened, for the sweep to
find the mails they owe (and send each once through a claim)."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from projections.rows import decode_row
from projections.tables import Table
from projections.view import Batch, iso_day, iso_moment, key
from scheduler.registration_outcomes import MOVED_UP, SERIES_CLOSED, SERIES_WITHDRAWN, WELCOME
from store.db import ViewDb

E, S = Enrollment, PeerLearning
WAITING = "waiting"  # not owed anything yet: a waiting enrolment that may move up

COURSE_MAILS = Table(
    name="view_course_mails",
    key="owed_id",  # the enrolment that moved up, or the series that ended
    columns=("owed_id", "purpose", "peer_learning_id", "owed_at", "effective_on", "reason"),
    indexes=("owed_at",),
)
WELCOMES = Table(  # apart: keyed by the participant, not by an aggregate, so never read ahead
    name="view_course_welcomes",
    key="owed_id",  # who joined: a welcome, if they joined after the seat's mail
    columns=COURSE_MAILS.columns,
    indexes=("owed_at",),
)


class CourseMailsView:
    name = "course-mails"
    tables: tuple[Table, ...] = (COURSE_MAILS, WELCOMES)
    reads: tuple[type, ...] = (E.Waitlisted, E.Admitted, E.ParticipantJoined, S.Closed, S.Withdrawn)
    read_ahead: tuple[Table, ...] = (COURSE_MAILS,)  # keyed by aggregates

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if isinstance(event, E.Waitlisted):
            batch.rows.put(COURSE_MAILS, _row(event, WAITING))
        elif isinstance(event, E.Admitted):
            row = batch.rows.get(COURSE_MAILS, key(event.originator_id))
            if row is not None and row["purpose"] == WAITING:
                row.update(purpose=MOVED_UP, owed_at=iso_moment(event.timestamp))
                batch.rows.touch(COURSE_MAILS, row)
        elif isinstance(event, E.ParticipantJoined):
            welcome = _row(event, WELCOME)
            batch.rows.put(WELCOMES, {**welcome, "owed_id": key(event.participant.participant_id)})
        elif isinstance(event, S.Closed):
            batch.rows.put(COURSE_MAILS, _ended(event, SERIES_CLOSED, None))
        elif isinstance(event, S.Withdrawn):
            batch.rows.put(COURSE_MAILS, _ended(event, SERIES_WITHDRAWN, event.reason))


def _row(event: Any, purpose: str) -> dict[str, Any]:
    return {
        "owed_id": key(event.originator_id),
        "purpose": purpose,
        "peer_learning_id": None,
        "owed_at": iso_moment(event.timestamp),
        "effective_on": None,
        "reason": None,
    }


def _ended(event: Any, purpose: str, reason: str | None) -> dict[str, Any]:
    row = _row(event, purpose)
    row.update(
        peer_learning_id=key(event.originator_id),
        effective_on=iso_day(event.effective_on),
        reason=reason,
    )
    return row


class CourseMailQueries:
    def __init__(self, db: ViewDb) -> None:
        self.db = db

    def owed_since(self, since: str, ended_since: str) -> list[dict[str, Any]]:
        """Moves up, joins and ends of series recorded at `since` (an ISO moment) or later,
        oldest first; an end only if its day is `ended_since` (an ISO day) or later."""
        columns = ", ".join(COURSE_MAILS.columns)
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT {columns} FROM {COURSE_MAILS.name} "
                "WHERE purpose <> ? AND owed_at >= ? "
                "AND (effective_on IS NULL OR effective_on >= ?) "
                f"UNION ALL SELECT {columns} FROM {WELCOMES.name} WHERE owed_at >= ? "
                "ORDER BY owed_at, owed_id",
                [WAITING, since, ended_since, since],
            )
        return [decode_row(COURSE_MAILS, row) for row in found]
