"""Schemas of the public's registrations and the team's review."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.schemas.common import LOCALES, Email, Line, Strict, Text, bounded_list, one_of
from api.schemas.places import KeyedPlaceSchema
from domain.registration import RegistrationState


class RegisteringMunicipalitySchema(KeyedPlaceSchema):
    region = Line(100, allow_none=True, load_default=None)


class RegisteringPersonSchema(Strict):
    name = Line(200, 1, required=True)
    email = Email(required=True)
    locale = fields.String(load_default="de", validate=LOCALES)


class RegisterSchema(Strict):
    municipality = fields.Nested(RegisteringMunicipalitySchema, required=True)
    contact = fields.Nested(RegisteringPersonSchema, required=True)
    participants = bounded_list(fields.Nested(RegisteringPersonSchema), most=20, load_default=list)
    consent = fields.Boolean(
        required=True,
        validate=validate.Equal(True, error="Consent to the processing of the data is needed."),
    )


class RegistrationAnswerSchema(Schema):
    id = fields.UUID()
    state = fields.String()


class ConfirmationSchema(Strict):
    token = Line(1000, 1, required=True)


class RegistrationStateQuerySchema(Strict):
    state = fields.String(load_default=None, validate=one_of(RegistrationState))


class DeclineSchema(Strict):
    reason = Text(2000, 1, required=True)


class AcceptedSchema(Schema):
    id = fields.UUID()
    state = fields.String()
    enrollment_id = fields.UUID()
    status = fields.String()


class RegisteredPersonSchema(Schema):
    subject_id = fields.UUID()
    name = fields.String()
    email = fields.String()
    locale = fields.String()
    contact = fields.Boolean()


class RegistrationSchema(Schema):
    registration_id = fields.UUID()
    peer_learning_id = fields.UUID()
    municipality_name = fields.String()
    municipality_key = fields.String(allow_none=True)
    state = fields.String()
    people = fields.List(fields.Nested(RegisteredPersonSchema))
    submitted_at = fields.String()
    updated_at = fields.String()
    enrollment_id = fields.UUID(allow_none=True)
    reason = fields.String(allow_none=True)
