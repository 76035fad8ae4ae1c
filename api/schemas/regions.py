"""The team's list of regions, as the API reads and writes it."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.schemas.common import Line, Pattern, Strict
from domain.regions import MOST_KEYS

REGION_KEY_DOC = (
    "An official key the region spans: a Land's 2 digits (01 to 16), a district's 5 "
    "(Kreisschlüssel) or a municipality's 8 (AGS). A municipality lies in the region when "
    "its own key begins with one of these."
)
REGION_KEY_ERROR = "A region key is a Land's 2 digits, a district's 5 or a municipality's 8."


def region_keys() -> fields.List:
    key = fields.String(
        validate=Pattern(r"^(?:0[1-9]|1[0-6])(?:[0-9]{3}(?:[0-9]{3})?)?$", error=REGION_KEY_ERROR),
        metadata={"description": REGION_KEY_DOC},
    )
    return fields.List(key, validate=validate.Length(min=1, max=MOST_KEYS), required=True)


class RegionInSchema(Strict):
    name = Line(100, 1, required=True, metadata={"description": "As series name it."})
    keys = region_keys()


class RegionKeysSchema(Strict):
    keys = region_keys()


class RegionSchema(Schema):
    id = fields.UUID(attribute="region_id")
    name = fields.String()
    keys = fields.List(fields.String())
