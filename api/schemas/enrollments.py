"""Schemas of enrolments, participants and the funded model projects."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.schemas.common import LOCALES, Strict

AGS = validate.Regexp(r"^\d{8}$", error="The official municipality key (AGS) has 8 digits.")


class MunicipalitySchema(Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    key = fields.String(allow_none=True, load_default=None, validate=AGS)
    state = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=100))
    region = fields.String(allow_none=True, load_default=None, validate=validate.Length(max=100))


class ContactSchema(Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    email = fields.String(required=True, validate=validate.Length(min=3, max=254))


class EnrolSchema(Strict):
    municipality = fields.Nested(MunicipalitySchema, required=True)
    contact = fields.Nested(ContactSchema, required=True)


class JoinSchema(Strict):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    email = fields.String(required=True, validate=validate.Length(min=3, max=254))
    locale = fields.String(load_default="de", validate=LOCALES)
    timezone = fields.String(allow_none=True, load_default=None)


class ReasonSchema(Strict):
    reason = fields.String(allow_none=True, validate=validate.Length(max=2000))


class RejectSchema(Strict):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


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


class ModelProjectInSchema(MunicipalitySchema):
    pass


class ModelProjectSchema(Schema):
    id = fields.UUID(attribute="model_project_id")
    name = fields.String()
    key = fields.String(allow_none=True)
    state = fields.String(allow_none=True)
    region = fields.String(allow_none=True)
