"""Schemas of a series: announce, revise, the catalogue and the detail."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from api.schemas.common import (
    FORMATS,
    SCOPES,
    STATUSES,
    Strict,
    Text,
    within_programme_years,
)
from api.schemas.meetings import MeetingSchema


class SeriesInSchema(Strict):
    title = Text(300, 1, required=True)
    host = Text(300, 1, required=True)
    summary = Text(10000, 1, required=True)
    topics = fields.List(Text(100), load_default=list)
    scope = fields.String(required=True, validate=SCOPES)
    regions = fields.List(Text(100), load_default=list)
    format = fields.String(required=True, validate=FORMATS)
    location = Text(300, allow_none=True, load_default=None)
    starts_on = fields.Date(required=True, validate=within_programme_years)
    ends_on = fields.Date(allow_none=True, load_default=None, validate=within_programme_years)
    planned_meetings = fields.Integer(required=True, strict=True)
    capacity = fields.Integer(allow_none=True, load_default=None, strict=True)
    agenda_url = Text(2000, allow_none=True, load_default=None)
    contact_email = Text(254, 3, required=True)
    timezone = Text(64, 1, load_default="Europe/Berlin")
    remind_on_site = fields.Boolean(load_default=False)
    reminder_offsets = fields.List(
        Text(20),
        allow_none=True,
        load_default=None,
        metadata={"description": "ISO 8601 durations before each meeting, e.g. P7D, PT1H."},
    )


class SeriesPatchSchema(SeriesInSchema):
    """Only the fields to change, at least one; load it with `partial=True`."""

    @validates_schema
    def not_empty(self, data: dict[str, Any], **_: Any) -> None:
        if not data:
            raise ValidationError("Name at least one field to change.")


class CatalogueQuerySchema(Strict):
    status = fields.String(validate=STATUSES)
    on = fields.Date(metadata={"description": "A day of the programme's calendar; default today."})
    topic = Text(100)
    region = Text(100)
    format = fields.String(validate=FORMATS)
    q = Text(200)
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class DayQuerySchema(Strict):
    on = fields.Date(metadata={"description": "A day of the programme's calendar; default today."})


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
