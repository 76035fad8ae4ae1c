"""The dispatch read model: one row per reminder mail, for GET /reminders and the sweep.

Reasons are shown without e-mail addresses, also those recorded before replies were redacted.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.reminder_rules import DispatchStatus
from domain.reminders import ReminderDispatch
from projections.tables import Table
from projections.view import Batch, handlers, iso_moment, key
from scheduler.course_view import CourseMailsView
from scheduler.redaction import redacted

R = ReminderDispatch

DISPATCHES = Table(
    name="view_reminder_dispatches",
    key="dispatch_id",
    columns=(
        "dispatch_id",
        "purpose",
        "peer_learning_id",
        "meeting_id",
        "schedule_version",
        "reminder_offset",
        "participant_id",
        "status",
        "due_at",
        "meeting_starts_at",
        "attempts",
        "free_at",
        "late",
        "reason",
        "sent_at",
        "updated_at",
    ),
    indexes=("meeting_id, schedule_version", "status, free_at", "peer_learning_id, status"),
    integers=frozenset({"schedule_version", "attempts", "late"}),
)


class DispatchView:
    name = "dispatches"
    tables: tuple[Table, ...] = (DISPATCHES,)
    reads: tuple[type, ...] = (R.Event,)
    read_ahead: tuple[Table, ...] = (DISPATCHES,)  # keyed by aggregates

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if isinstance(event, R.Claimed):
            batch.rows.put(DISPATCHES, _claimed_row(event))
            return
        if not isinstance(event, R.Event):
            return
        row = batch.rows.get(DISPATCHES, key(event.originator_id))
        if row is None:
            return
        row["updated_at"] = iso_moment(event.timestamp)
        self.on(event, row)
        batch.rows.touch(DISPATCHES, row)

    @handlers
    def on(self, event: Any, row: dict[str, Any]) -> None:
        """Other events of a dispatch change only updated_at."""

    @on.register
    def _(self, event: R.Reclaimed, row: dict[str, Any]) -> None:
        row.update(attempts=row["attempts"] + 1, free_at=iso_moment(event.lease_until))

    @on.register
    def _(self, event: R.DeliveryDeferred, row: dict[str, Any]) -> None:
        row.update(free_at=iso_moment(event.retry_at), reason=redacted(event.reason))

    @on.register
    def _(self, event: R.ReminderSent, row: dict[str, Any]) -> None:
        row.update(
            status=DispatchStatus.SENT,
            sent_at=iso_moment(event.sent_at),
            late=int(event.late),
            free_at=None,
        )

    @on.register
    def _(self, event: R.ReminderFailed, row: dict[str, Any]) -> None:
        row.update(status=DispatchStatus.FAILED, reason=redacted(event.reason), free_at=None)

    @on.register
    def _(self, event: R.ReminderMissed, row: dict[str, Any]) -> None:
        row.update(status=DispatchStatus.MISSED, reason=redacted(event.reason), free_at=None)


def _claimed_row(event: Any) -> dict[str, Any]:
    return {
        "dispatch_id": key(event.originator_id),
        "purpose": event.purpose,
        "peer_learning_id": key(event.peer_learning_id),
        "meeting_id": key(event.meeting_id),
        "schedule_version": event.schedule_version,
        "reminder_offset": event.offset,
        "participant_id": key(event.participant_id),
        "status": DispatchStatus.DUE,
        "due_at": iso_moment(event.due_at),
        "meeting_starts_at": iso_moment(event.meeting_starts_at),
        "attempts": 1,
        "free_at": iso_moment(event.lease_until),
        "late": 0,
        "reason": None,
        "sent_at": None,
        "updated_at": iso_moment(event.timestamp),
    }


# the scheduler's read models, registered with the core's
SCHEDULER_VIEWS = (DispatchView, CourseMailsView)
