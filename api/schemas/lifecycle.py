"""Schemas of the end of a series and of joining."""

from __future__ import annotations

from marshmallow import fields

from api.schemas.common import Day, Strict, Text

DEFAULT_TODAY = "Default: today in the programme's calendar (Europe/Berlin)."


class ReflectionSchema(Strict):
    held_on = Day(DEFAULT_TODAY)
    notes = Text(10000, allow_none=True)


class CloseSchema(Strict):
    effective_on = Day(DEFAULT_TODAY)


class WithdrawSeriesSchema(CloseSchema):
    reason = Text(2000, allow_none=True)


class JoiningSchema(Strict):
    open = fields.Boolean(required=True, metadata={"description": "Whether enrolment is open."})
