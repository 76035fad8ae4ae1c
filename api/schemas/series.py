"""Schemas of a series: announce, revise, the catalogue and the detail."""

from __future__ import annotations

from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates_schema

from api.schemas.common import (
    FORMATS,
    OFFSET,
    SCOPES,
    STATUSES,
    Check,
    Day,
    Email,
    Line,
    Link,
    Pattern,
    Strict,
    Text,
    bounded_list,
    domain_rule,
)
from api.schemas.meetings import MeetingSchema
from domain.durations import LONGEST_OFFSET_TEXT, MOST_OFFSETS, parse_offset

BETWEEN = "Must be between {min} and {max}."
OFFSETS_DOC = (
    "ISO 8601 durations before each meeting, e.g. P7D, PT1H; "
    f"each at most {LONGEST_OFFSET_TEXT}, at most {MOST_OFFSETS} of them."
)


def offset_field() -> fields.String:
    shape = Pattern(OFFSET, error="Write a duration like P7D, P1D or PT1H.")
    checks: list[Check] = [validate.Length(min=2, max=20), shape, domain_rule(parse_offset)]
    return fields.String(validate=checks)


class SeriesInSchema(Strict):
    title = Line(300, 1, required=True)
    host = Line(300, 1, required=True)
    summary = Text(10000, 1, required=True)
    topics = bounded_list(Line(100), load_default=list)
    scope = fields.String(required=True, validate=SCOPES)
    regions = bounded_list(Line(100), load_default=list)
    format = fields.String(required=True, validate=FORMATS)
    location = Line(300, allow_none=True, load_default=None)
    starts_on = Day(required=True)
    ends_on = Day(allow_none=True, load_default=None)
    planned_meetings = fields.Integer(
        required=True, strict=True, validate=validate.Range(min=1, max=100, error=BETWEEN)
    )
    capacity = fields.Integer(
        allow_none=True,
        load_default=None,
        strict=True,
        validate=validate.Range(min=1, max=10000, error=BETWEEN),
        metadata={"description": "Seats for municipalities; none: no limit."},
    )
    agenda_url = Link(allow_none=True, load_default=None)
    contact_email = Email(required=True)
    timezone = Line(64, 1, load_default="Europe/Berlin")
    remind_on_site = fields.Boolean(load_default=False)
    reminder_offsets = bounded_list(
        offset_field(),
        MOST_OFFSETS,
        allow_none=True,
        load_default=None,
        metadata={"description": OFFSETS_DOC},
    )


class SeriesPatchSchema(SeriesInSchema):
    """Only the fields to change, at least one; load it with `partial=True`."""

    @validates_schema
    def not_empty(self, data: dict[str, Any], **_: Any) -> None:
        if not data:
            raise ValidationError("Name at least one field to change.")


ON = "A day of the programme's calendar; default today."


class CatalogueQuerySchema(Strict):
    status = fields.String(validate=STATUSES)
    on = Day(ON)
    topic = Line(100)
    region = Line(100)
    format = fields.String(validate=FORMATS)
    q = Line(200)
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class DayQuerySchema(Strict):
    on = Day(ON)


class FeedQuerySchema(Schema):
    """Calendar apps add parameters of their own to a subscription; those are ignored."""

    class Meta:
        unknown = EXCLUDE

    topic = Line(100, metadata={"description": "Only series with this topic."})
    region = Line(100, metadata={"description": "Only series admitting this region."})


class SeriesFeedQuerySchema(Schema):
    """One series' feed: parameters of calendar apps are ignored; `on` asks for a past day."""

    class Meta:
        unknown = EXCLUDE

    on = Day(ON)


class CatalogueItemSchema(Schema):
    id = fields.UUID()
    title = fields.String()
    host = fields.String()
    summary = fields.String()
    topics = fields.List(fields.String())
    scope = fields.String()
    regions = fields.List(fields.String())
    format = fields.String()
    location = fields.String(allow_none=True)
    starts_on = fields.Date()
    ends_on = fields.Date(allow_none=True)
    status = fields.String(metadata={"description": "new, running, closed or withdrawn on `on`."})
    joining_open = fields.Boolean()
    next_meeting = fields.AwareDateTime(allow_none=True)
    meetings_held = fields.Integer()
    meetings_scheduled = fields.Integer()
    planned_meetings = fields.Integer()
    capacity = fields.Integer(allow_none=True, metadata={"description": "Seats; none: no limit."})
    municipalities = fields.Integer(metadata={"description": "Admitted municipalities."})
    waitlisted = fields.Integer()
    participants = fields.Integer()
    agenda_url = fields.String(allow_none=True)
    contact_email = fields.String()
    timezone = fields.String()
    version = fields.Integer()


class CatalogueSchema(Schema):
    items = fields.List(fields.Nested(CatalogueItemSchema))
    total = fields.Integer()
    page = fields.Integer()
    per_page = fields.Integer()


class SeriesDetailSchema(CatalogueItemSchema):
    meetings = fields.List(fields.Nested(MeetingSchema))
    kickoff_held_on = fields.Date(allow_none=True)
    reflection_held_on = fields.Date(allow_none=True)
    closed_on = fields.Date(allow_none=True)
    withdrawn_on = fields.Date(allow_none=True)
    remind_on_site = fields.Boolean()
    reminder_offsets = fields.List(fields.String(), allow_none=True)
