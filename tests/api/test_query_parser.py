"""The parser's short way for an empty query gives what webargs gives, and a fresh dict each
time; a query with parameters always goes the long way."""

from __future__ import annotations

from datetime import date

from flask import Flask
from marshmallow import Schema, fields
from webargs.flaskparser import FlaskParser

from api.query_parser import QueryParser


class Query(Schema):
    page = fields.Integer(load_default=1)
    on = fields.Date(load_default=None)
    topics = fields.List(fields.String(), load_default=list)


def parsed(parser: FlaskParser, schema: object, query: str = "") -> dict[str, object]:
    with Flask(__name__).test_request_context(f"/?{query}"):
        return parser.parse(schema, location="query")  # type: ignore[no-any-return]


def test_an_empty_query_loads_the_defaults_as_webargs_does() -> None:
    parser, schema = QueryParser(), Query()
    first = parsed(parser, schema)
    assert first == parsed(FlaskParser(), schema) == {"page": 1, "on": None, "topics": []}
    first["page"] = 99
    assert parsed(parser, schema)["page"] == 1


def test_defaults_that_could_change_are_never_shared() -> None:
    parser, schema = QueryParser(), Query()
    parsed(parser, schema)["topics"].append("Klima")  # type: ignore[attr-defined]
    assert parsed(parser, schema)["topics"] == []


def test_a_query_with_parameters_is_parsed_in_full() -> None:
    parser = QueryParser()
    assert parsed(parser, Query) == {"page": 1, "on": None, "topics": []}
    found = parsed(parser, Query, "page=3&on=2024-09-20")
    assert found == {"page": 3, "on": date(2024, 9, 20), "topics": []}
