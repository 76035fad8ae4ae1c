"""Schemas of enrolments, participants and the funded model projects."""

from __future__ import annotations

from marshmallow import Schema, fields

from api.schemas.common import LOCALES, Email, Line, Strict, Text
from api.schemas.places import MunicipalitySchema


class ContactSchema(Strict):
    name = Line(200, 1, required=True)
    email = Email(required=True)
    locale = fields.String(
        load_default="de",
        validate=LOCALES,
        metadata={"description": "The language of the contact's mails: de (default) or en."},
    )


class EnrolSchema(Strict):
    municipality = fields.Nested(MunicipalitySchema, required=True)
    contact = fields.Nested(ContactSchema, required=True)


class JoinSchema(Strict):
    name = Line(200, 1, required=True)
    email = Email(required=True)
    locale = fields.String(load_default="de", validate=LOCALES)
    timezone = Line(64, allow_none=True, load_default=None)


class ContactCorrectionSchema(Strict):
    """The fields to correct; those left out stay as they are."""

    name = Line(200, 1)
    email = Email()


class ParticipantCorrectionSchema(ContactCorrectionSchema):
    locale = fields.String(validate=LOCALES)
    timezone = Line(64, allow_none=True)


class ReasonSchema(Strict):
    reason = Text(2000, allow_none=True)


class RejectSchema(Strict):
    reason = Text(2000, 1, required=True)


class ParticipantSchema(Schema):
    participant_id = fields.UUID()
    enrollment_id = fields.UUID()
    peer_learning_id = fields.UUID()
    name = fields.String()
    email = fields.String()
    locale = fields.String()
    timezone = fields.String(allow_none=True)
    joined_at = fields.AwareDateTime(allow_none=True)
    left_at = fields.AwareDateTime(allow_none=True)


class PersonSchema(Schema):
    subject_id = fields.UUID()
    name = fields.String()
    email = fields.String()
    locale = fields.String(metadata={"description": "The language of the contact's mails."})


class PlaceSchema(Schema):
    name = fields.String()
    key = fields.String(allow_none=True)
    state = fields.String(allow_none=True)
    region = fields.String(allow_none=True)


class EnrollmentSchema(Schema):
    id = fields.UUID(attribute="enrollment_id")
    peer_learning_id = fields.UUID()
    municipality = fields.Nested(PlaceSchema)
    contact = fields.Nested(PersonSchema)
    status = fields.String(metadata={"description": "admitted, waitlisted, rejected, withdrawn."})
    registered_at = fields.AwareDateTime(allow_none=True)
    active_participants = fields.Integer()
    version = fields.Integer()
    participants = fields.List(fields.Nested(ParticipantSchema))


class ModelProjectSchema(Schema):
    id = fields.UUID(attribute="model_project_id")
    name = fields.String()
    key = fields.String(allow_none=True)
    keys = fields.List(fields.String(), metadata={"description": "All its official keys."})
    state = fields.String(allow_none=True)
    region = fields.String(allow_none=True)
