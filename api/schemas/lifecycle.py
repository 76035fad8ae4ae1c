"""Schemas of the end of a series and of joining."""

from __future__ import annotations

from marshmallow import fields, validate

from api.schemas.common import Strict

DEFAULT_TODAY = "Default: today in the programme's calendar (Europe/Berlin)."


class ReflectionSchema(Strict):
    held_on = fields.Date(metadata={"description": DEFAULT_TODAY})
    notes = fields.String(allow_none=True, validate=validate.Length(max=10000))


class CloseSchema(Strict):
    effective_on = fields.Date(metadata={"description": DEFAULT_TODAY})


class WithdrawSeriesSchema(CloseSchema):
    reason = fields.String(allow_none=True, validate=validate.Length(max=2000))


class JoiningSchema(Strict):
    open = fields.Boolean(required=True, metadata={"description": "Whether enrolment is open."})
