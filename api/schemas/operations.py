"""Schemas of the operator's endpoints: liveness and readiness."""

from __future__ import annotations

from marshmallow import Schema, fields

from api.schemas.common import ViewHealthSchema


class LivenessSchema(Schema):
    status = fields.String(metadata={"example": "alive"})


class ReadinessSchema(Schema):
    status = fields.String(metadata={"example": "ready", "description": "ready or not ready"})
    reasons = fields.List(
        fields.String(),
        metadata={"description": "Why it is not ready: the store, a view, the scheduler."},
    )
    views = fields.List(fields.Nested(ViewHealthSchema))
    scheduler_silence_seconds = fields.Float(
        allow_none=True,
        metadata={"description": "Seconds since the newest scheduler tick, when checked."},
    )
