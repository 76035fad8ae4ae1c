"""Pieces every schema shares: strict loading, the problem document, enums."""

from __future__ import annotations

from enum import StrEnum

from marshmallow import RAISE, Schema, fields, validate

from domain.status import SeriesStatus
from domain.values import Format, Locale, MeetingKind, Scope


def one_of(enum: type[StrEnum]) -> validate.OneOf:
    return validate.OneOf([member.value for member in enum])


FORMATS = one_of(Format)
SCOPES = one_of(Scope)
KINDS = one_of(MeetingKind)
LOCALES = one_of(Locale)
STATUSES = one_of(SeriesStatus)


class Strict(Schema):
    """Refuses fields it does not know, so typos never pass silently."""

    class Meta:
        unknown = RAISE


class ProblemSchema(Schema):
    """An RFC 9457 problem document."""

    type = fields.String(metadata={"description": "A URI naming the kind of problem."})
    title = fields.String()
    status = fields.Integer()
    detail = fields.String(metadata={"description": "What was wrong and what to do."})
    errors = fields.Dict(
        keys=fields.String(),
        metadata={"description": "Messages per field (422) or per location (400)."},
    )


class HealthSchema(Schema):
    status = fields.String(metadata={"example": "ok"})
    store = fields.String(metadata={"example": "sqlite"})
    position = fields.Integer(metadata={"description": "Last event the read models applied."})
