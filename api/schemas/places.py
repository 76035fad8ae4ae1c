"""The official key of a municipality or district, as a field, and the Land it names."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validates_schema

from api.schemas.common import Line, Pattern, Strict, bounded_list
from domain.official_keys import disagreement, is_official_key

KEY_DOC = (
    "The official key: the 8-digit municipality key (Amtlicher Gemeindeschlüssel, AGS) or "
    "the 5-digit district key (Kreisschlüssel). It identifies the municipality; the name is "
    "for display. Its first two digits name the Land."
)
KEY_ERROR = (
    "The official key has 8 digits for a municipality (AGS) or 5 for a district "
    "(Kreisschlüssel), beginning with the number of a Land (01 to 16)."
)


def _official(key: str) -> None:
    if not is_official_key(key):
        raise ValidationError(KEY_ERROR)


def official_key(**kwargs: Any) -> fields.String:
    return fields.String(
        validate=[Pattern(r"^[0-9]+$", error=KEY_ERROR), _official],
        metadata={"description": KEY_DOC},
        **kwargs,
    )


class KeyedPlaceSchema(Strict):
    """A place with its official key; a `state` given must be the key's Land."""

    name = Line(200, 1, required=True, metadata={"description": "For display."})
    key = official_key(required=True)

    @validates_schema
    def state_agrees(self, data: dict[str, Any], **_: Any) -> None:
        reason = disagreement(data["key"], data.get("state")) if "key" in data else None
        if reason:
            raise ValidationError(reason, field_name="state")


class MunicipalitySchema(KeyedPlaceSchema):
    state = Line(
        100,
        allow_none=True,
        load_default=None,
        metadata={"description": "The Land; taken from the key when left out."},
    )
    region = Line(
        100,
        allow_none=True,
        load_default=None,
        metadata={
            "description": "For display; a regional series admits by the official key, "
            "through the regions the team lists under /regions."
        },
    )


class ModelProjectInSchema(MunicipalitySchema):
    further_keys = bounded_list(
        official_key(),
        most=20,
        load_default=list,
        metadata={"description": "The keys of the other members of a joint project."},
    )
