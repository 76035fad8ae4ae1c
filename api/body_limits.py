"""Bodies the JSON parser must never see: nested deeper than any schema goes."""

from __future__ import annotations

from flask import request

from api.errors import ProblemError

MAX_JSON_DEPTH = 32
OPENING = frozenset(b"[{")
CLOSING = frozenset(b"]}")


def json_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects, ignoring brackets inside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            in_string, escaped = (byte != 0x22 or escaped), (byte == 0x5C and not escaped)
        elif byte == 0x22:
            in_string = True
        elif byte in OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif byte in CLOSING:
            depth -= 1
    return deepest


def refuse_deep_json() -> None:
    if request.method in ("POST", "PUT", "PATCH") and request.is_json:
        if json_depth(request.get_data(cache=True)) > MAX_JSON_DEPTH:
            raise ProblemError(
                400, f"The JSON body is nested more than {MAX_JSON_DEPTH} levels deep; flatten it."
            )
