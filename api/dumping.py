"""Dumping the read schemas to exactly what marshmallow dumps, without its per-field machinery.

A read answers up to 100 catalogue items or a series with its meetings; marshmallow's
`Schema.dump` spends most of that answer's time on looking up, wrapping and checking each
field. `dumper(schema)` plans the same work once per schema: for each field its key and the
function that turns a value into JSON data, the field's own `_serialize` where there is no
cheaper equal one. Schemas with dump hooks or computed fields keep marshmallow's dump.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from marshmallow import Schema, fields
from marshmallow.utils import missing

Convert = Callable[[Any, Any], Any]  # (value, the object it came from) -> JSON data
Dump = Callable[[Any], Any]
DUMP_HOOKS = ("pre_dump", "post_dump")


@cache
def dumper(schema_class: type[Schema]) -> Dump:
    """The dump of `schema_class()` (not many), planned once."""
    return plan(schema_class())


def plan(schema: Schema) -> Dump:
    if schema.many or not plannable(schema):
        return schema.dump
    steps = [
        (field.data_key or name, field.attribute or name, converter(field, name))
        for name, field in schema.dump_fields.items()
    ]

    def dump(obj: Any) -> Any:
        if not isinstance(obj, Mapping):
            return schema.dump(obj)
        out = {}
        for key, attribute, convert in steps:
            value = obj[attribute] if attribute in obj else getattr(obj, attribute, missing)
            if value is missing:
                continue
            out[key] = None if value is None else convert(value, obj)
        return out

    return dump


def plannable(schema: Schema) -> bool:
    hooks = getattr(schema, "_hooks", {})
    if any(hooks.get((kind, many)) for kind in DUMP_HOOKS for many in (False, True)):
        return False
    return all(
        field._CHECK_ATTRIBUTE
        and field.dump_default is missing
        and "." not in (field.attribute or name)
        for name, field in schema.dump_fields.items()
    )


def converter(field: fields.Field[Any], name: str) -> Convert:
    """What `field._serialize` does to a value that is not None, cheaper where it can be."""
    kind = type(field)
    if kind in (fields.String, fields.UUID):
        return lambda value, obj: str(value)
    if kind is fields.Integer and not field.as_string:  # type: ignore[attr-defined]
        return lambda value, obj: int(value)
    if kind is fields.Date and field.format in (None, "iso", "iso8601"):  # type: ignore[attr-defined]
        return lambda value, obj: dt.date.isoformat(value)
    if kind in (fields.DateTime, fields.AwareDateTime) and field.format in (  # type: ignore[attr-defined]
        None,
        "iso",
        "iso8601",
    ):
        return lambda value, obj: dt.datetime.isoformat(value)
    if kind is fields.List:
        return list_converter(field, name)  # type: ignore[arg-type]
    if kind is fields.Nested and not field.many:  # type: ignore[attr-defined]
        nested = plan(field.schema)  # type: ignore[attr-defined]
        return lambda value, obj: nested(value)
    serialize = field._serialize
    return lambda value, obj: serialize(value, name, obj)


def list_converter(field: fields.List[Any], name: str) -> Convert:
    inner = field.inner
    if type(inner) is fields.Nested and not inner.many:
        nested = plan(inner.schema)
        return lambda value, obj: [None if v is None else nested(v) for v in value]
    if type(inner) is fields.String:
        return lambda value, obj: [None if v is None else str(v) for v in value]
    convert = converter(inner, name)
    return lambda value, obj: [None if v is None else convert(v, obj) for v in value]
