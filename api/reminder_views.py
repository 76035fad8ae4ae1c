"""Reminder dispatches: what is due, sent, failed or missed (team only)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView
from marshmallow import Schema, fields, validate

from api.auth import require_role
from api.blueprint import Blueprint
from api.context import services
from api.schemas.common import Strict, one_of
from domain.reminder_rules import DispatchStatus
from scheduler.dispatch_queries import DispatchQueries
from scheduler.dispatch_subjects import PURPOSES

blp = Blueprint(
    "reminders",
    __name__,
    description="Reminder e-mails before meetings and their notices; team only.",
)


class ReminderQuerySchema(Strict):
    status = fields.String(validate=one_of(DispatchStatus))
    peer_learning_id = fields.UUID()
    limit = fields.Integer(load_default=1000, validate=validate.Range(min=1, max=10000))


class DispatchSchema(Schema):
    dispatch_id = fields.UUID()
    purpose = fields.String(
        validate=validate.OneOf(PURPOSES),
        metadata={
            "description": "reminder, change, update and cancellation are about a meeting; "
            "the registration-* mails about a registration; moved-up about an enrolment; "
            "series-closed and series-withdrawn about the series; welcome about the participant "
            "who joined."
        },
    )
    peer_learning_id = fields.UUID()
    meeting_id = fields.UUID(
        allow_none=True,
        metadata={"description": "The meeting a reminder or notice is about; else null."},
    )
    registration_id = fields.UUID(
        allow_none=True,
        metadata={"description": "The registration a registration-* mail is about; else null."},
    )
    enrollment_id = fields.UUID(
        allow_none=True,
        metadata={"description": "The enrolment a moved-up mail is about; else null."},
    )
    schedule_version = fields.Integer(
        allow_none=True,
        metadata={"description": "The meeting's schedule the mail was for; null if no meeting."},
    )
    offset = fields.String(allow_none=True, metadata={"example": "P1D"})
    participant_id = fields.UUID(metadata={"description": "The person the mail is to."})
    status = fields.String(validate=one_of(DispatchStatus))
    due_at = fields.AwareDateTime()
    meeting_starts_at = fields.AwareDateTime(
        allow_none=True,
        metadata={"description": "When the meeting starts; null if the mail is about no meeting."},
    )
    attempts = fields.Integer()
    free_at = fields.AwareDateTime(
        allow_none=True,
        metadata={"description": "While due: when another attempt may start."},
    )
    late = fields.Boolean(metadata={"description": "Sent after its time, and said so."})
    reason = fields.String(allow_none=True)
    sent_at = fields.AwareDateTime(allow_none=True)
    updated_at = fields.AwareDateTime()


@blp.route("/reminders")
class Reminders(MethodView):
    @require_role("team")
    @blp.arguments(ReminderQuerySchema, location="query", as_kwargs=True)
    @blp.response(200, DispatchSchema(many=True))
    def get(
        self,
        limit: int,
        status: str | None = None,
        peer_learning_id: UUID | None = None,
    ) -> list[dict[str, Any]]:
        """List reminder dispatches

        One entry per mail and participant: reminders at each offset, change and
        cancellation notices. Filter by `status` (due, sent, failed, missed) and series.
        """
        queries = DispatchQueries(services().db)
        return queries.listing(status=status, peer_learning_id=peer_learning_id, limit=limit)
