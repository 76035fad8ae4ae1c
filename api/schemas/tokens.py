"""Schemas of the access tokens: what the team sends to issue one, and what it reads."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.schemas.common import Line, Pattern, Strict, bounded_list
from domain.access_tokens import MAX_SERIES, NAME, ROLES

NAME_PATTERN = f"^{NAME.pattern}$"
NAME_RULE = (
    "A token's name is 1 to 63 lower-case letters, digits, '.', '_' or '-', "
    "beginning with a letter or a digit."
)


class TokenName(fields.String):
    def __init__(self, **kwargs: object) -> None:
        checks = [
            validate.Length(min=1, max=63, error=NAME_RULE),
            Pattern(NAME_PATTERN, error=NAME_RULE),
        ]
        super().__init__(validate=checks, **kwargs)  # type: ignore[arg-type]


class TokenInSchema(Strict):
    name = TokenName(
        required=True,
        metadata={"description": "Recorded as the actor of every change the token makes."},
    )
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    series = bounded_list(
        fields.UUID(),
        most=MAX_SERIES,
        load_default=list,
        metadata={"description": "For a host: the series it runs (at least one)."},
    )
    expires = Line(
        max_length=40,
        load_default=None,
        metadata={
            "description": "A duration from now in weeks, days or hours (`P90D`; not years "
            "or months) or a moment with its offset, within ten years (`P3660D`); without it "
            "the token does not expire."
        },
    )


class TokenSchema(Schema):
    name = fields.String()
    role = fields.String()
    series = fields.List(fields.String())
    created_at = fields.String()
    expires_at = fields.String(allow_none=True)
    issued_by = fields.String()
    revoked_at = fields.String(allow_none=True)
    last_used_at = fields.String(allow_none=True)
    status = fields.String(metadata={"description": "valid, expired or revoked"})


class IssuedTokenSchema(TokenSchema):
    token = fields.String(
        metadata={"description": "The secret: shown in this answer only, never again."}
    )


class TokenNameSchema(Schema):
    name = TokenName(required=True)
