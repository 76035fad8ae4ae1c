"""Schemas of the audit: the log, a stream, verification and erasure."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from api.schemas.common import BIGGEST, Moment, Strict
from api.schemas.series import CatalogueQuerySchema, DayQuerySchema


class LogQuerySchema(Strict):
    after = fields.Integer(
        load_default=0,
        validate=validate.Range(min=0, max=BIGGEST),
        metadata={"description": "Position to continue after (the last one you received)."},
    )
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=1000))


class KeptHeadQuerySchema(Strict):
    head_position = fields.Integer(
        validate=validate.Range(min=1, max=BIGGEST),
        metadata={
            "description": "A head position you kept from an earlier verification; "
            "give `head_hash` with it."
        },
    )
    head_hash = fields.String(
        validate=validate.Regexp(r"^[0-9a-f]{64}$"),
        metadata={"description": "The hash of that head; give both or neither."},
    )

    @validates_schema
    def _both_or_neither(self, data: dict[str, Any], **_: Any) -> None:
        """A kept head is a position and its hash: one alone proves nothing."""
        given = [name for name in ("head_position", "head_hash") if name in data]
        if len(given) == 1:
            missing = "head_hash" if given == ["head_position"] else "head_position"
            raise ValidationError(
                f"`head_position` and `head_hash` go together: give `{missing}` too, or neither.",
                missing,
            )


class EventEntrySchema(Schema):
    position = fields.Integer()
    stream_id = fields.String()
    stream_type = fields.String()
    version = fields.Integer()
    event_type = fields.String()
    timestamp = fields.String(metadata={"description": "Recording time (UTC)."})
    actor = fields.String(allow_none=True)
    actor_role = fields.String(
        allow_none=True,
        metadata={"description": "The role of the actor's token (team, host, auditor), if known."},
    )
    data = fields.Dict(
        metadata={
            "description": "The event's fields; erased people read 'erased'. For an auditor, "
            "each person's name, e-mail and id read as their pseudonym."
        }
    )


class LogPageSchema(Schema):
    items = fields.List(fields.Nested(EventEntrySchema))
    after = fields.Integer()
    next_after = fields.Integer(metadata={"description": "Pass as `after` for the next page."})
    limit = fields.Integer()


class HeadSchema(Schema):
    position = fields.Integer(allow_none=True)
    hash = fields.String()


class VerificationSchema(Schema):
    ok = fields.Boolean()
    checked = fields.Integer()
    head = fields.Nested(HeadSchema)
    first_broken_position = fields.Integer(allow_none=True)
    problem = fields.String(allow_none=True)
    unchained = fields.Integer(metadata={"description": "Newest events not chained yet."})
    kept_head_matches = fields.Boolean(allow_none=True)


class ErasureSchema(Schema):
    subject_id = fields.String()
    enrollment_id = fields.String(metadata={"description": "The enrolment that held the person."})
    registration_id = fields.String(
        metadata={"description": "The registration that held the person, when no enrolment did."}
    )
    erased = fields.Boolean()


AS_OF = "Recording time, with its offset: what the system knew then, replayed from events."


class SeriesAsOfQuerySchema(DayQuerySchema):
    version = fields.Integer(
        validate=validate.Range(min=1, max=BIGGEST),
        metadata={"description": "The series exactly as this version of it was recorded."},
    )
    as_of = Moment(AS_OF)


class CatalogueAsOfQuerySchema(CatalogueQuerySchema):
    as_of = Moment(AS_OF)
