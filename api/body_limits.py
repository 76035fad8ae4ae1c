"""Bodies the JSON parser must never see: nested deeper than any schema goes, or holding a
number longer than any field takes (Python refuses to convert integers of thousands of
digits, and would raise in the middle of parsing)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import request

from api.errors import ProblemError

MAX_JSON_DEPTH = 32
# 2**63 has 19 digits; a longer literal still gets the field's own range message.
MAX_NUMBER_LENGTH = 100
OPENING = frozenset(b"[{")
CLOSING = frozenset(b"]}")
NUMBER = frozenset(b"0123456789+-.eE")
QUOTE, BACKSLASH = 0x22, 0x5C


@dataclass(frozen=True)
class JsonShape:
    depth: int
    longest_number: int


def json_shape(body: bytes) -> JsonShape:
    """The deepest nesting and the longest number literal, ignoring what is inside strings."""
    depth = deepest = run = longest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            in_string, escaped = (byte != QUOTE or escaped), (byte == BACKSLASH and not escaped)
            continue
        run = run + 1 if byte in NUMBER else 0
        longest = max(longest, run)
        if byte == QUOTE:
            in_string = True
        elif byte in OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif byte in CLOSING:
            depth -= 1
    return JsonShape(deepest, longest)


def json_depth(body: bytes) -> int:
    return json_shape(body).depth


def refuse_deep_json() -> None:
    """Refuses bodies the parser should not meet: too deep, or with an endless number."""
    if request.method in ("POST", "PUT", "PATCH") and request.is_json:
        shape = json_shape(request.get_data(cache=True))
        if shape.depth > MAX_JSON_DEPTH:
            raise ProblemError(
                400, f"The JSON body is nested more than {MAX_JSON_DEPTH} levels deep; flatten it."
            )
        if shape.longest_number > MAX_NUMBER_LENGTH:
            raise ProblemError(
                400,
                f"The JSON body holds a number longer than {MAX_NUMBER_LENGTH} characters; "
                "no field takes such a number.",
            )
