"""Pieces every schema shares: strict loading, the problem document, enums."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from domain.status import SeriesStatus
from domain.values import Format, Locale, MeetingKind, Scope


def one_of(enum: type[StrEnum]) -> validate.OneOf:
    return validate.OneOf([member.value for member in enum])


FORMATS = one_of(Format)
SCOPES = one_of(Scope)
KINDS = one_of(MeetingKind)
LOCALES = one_of(Locale)
STATUSES = one_of(SeriesStatus)


def no_control_characters(text: str) -> None:
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        raise ValidationError("Contains control characters; remove them.")
    if any(unicodedata.category(c) == "Cs" for c in text):
        raise ValidationError("Contains an unpaired surrogate, which is not Unicode text.")


EARLIEST, LATEST = date(2000, 1, 1), date(2199, 12, 31)


def within_programme_years(value: date) -> None:
    day = value.date() if isinstance(value, datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(f"Must lie between {EARLIEST} and {LATEST}.")


class Text(fields.String):
    """Free text up to `max_length` characters, without control characters."""

    def __init__(self, max_length: int = 2000, min_length: int = 0, **kwargs: Any) -> None:
        length = validate.Length(min=min_length, max=max_length)
        super().__init__(validate=[length, no_control_characters], **kwargs)


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
