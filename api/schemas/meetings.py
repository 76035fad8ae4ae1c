"""Schemas of meetings: schedule, reschedule, cancel, hold."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from api.schemas.common import FORMATS, KINDS, Line, Link, Moment, Strict, Text
from domain.schedule import LONGEST_MEETING

MOMENT = "An ISO 8601 moment with offset, e.g. 2024-10-01T10:00:00+02:00."


def aware(**kwargs: Any) -> fields.AwareDateTime:
    return Moment(MOMENT, **kwargs)


class RescheduleSchema(Strict):
    starts_at = aware(required=True)
    ends_at = aware(required=True)

    @validates_schema
    def ends_after_start(self, data: dict[str, Any], **_: Any) -> None:
        if "starts_at" not in data or "ends_at" not in data:
            return
        length = data["ends_at"] - data["starts_at"]
        if length <= timedelta(0):
            raise ValidationError("A meeting must end after it starts.", "ends_at")
        if length > LONGEST_MEETING:
            raise ValidationError(
                f"A meeting may last at most {LONGEST_MEETING.days} days; "
                "schedule each day as a meeting of its own.",
                "ends_at",
            )


class MeetingInSchema(RescheduleSchema):
    kind = fields.String(required=True, validate=KINDS)
    mode = fields.String(required=True, validate=FORMATS)
    video_url = Link(allow_none=True)
    location = Line(300, allow_none=True)
    title = Line(300, allow_none=True)


class MeetingCorrectionSchema(Strict):
    mode = fields.String(validate=FORMATS)
    title = Line(300, allow_none=True, metadata={"description": "null or empty removes it."})
    location = Line(300, allow_none=True)
    video_url = Link(allow_none=True)

    @validates_schema
    def changes_something(self, data: dict[str, Any], **_: Any) -> None:
        if not data:
            raise ValidationError(
                "Give at least one of mode, title, location or video_url; "
                "to move a meeting, PUT its new times."
            )


class CancelQuerySchema(Strict):
    reason = Text(2000)


class HeldSchema(Strict):
    attendance = fields.Integer(
        allow_none=True, strict=True, validate=validate.Range(min=0, max=100000)
    )


class MeetingSchema(Schema):
    meeting_id = fields.UUID()
    kind = fields.String()
    title = fields.String(allow_none=True)
    starts_at = fields.AwareDateTime()
    ends_at = fields.AwareDateTime()
    mode = fields.String()
    video_url = fields.String(allow_none=True)
    location = fields.String(allow_none=True)
    state = fields.String(metadata={"description": "scheduled, rescheduled, cancelled or held."})
    schedule_version = fields.Integer(
        metadata={"description": "Rises with every move and correction."}
    )
    attendance = fields.Integer(allow_none=True)
