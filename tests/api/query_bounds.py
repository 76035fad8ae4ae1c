"""Each query parameter's bounds, read from the OpenAPI document, probed on both sides:
just inside is accepted, just outside is a 422 naming the parameter, nothing is a 5xx."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

from tests.api.client import ApiClient
from tests.security.world import World

Probe = tuple[str, str, str, bool]  # path, parameter, value, accepted

DAYS = {
    "date": (["2000-01-01", "2199-12-31"], ["1999-12-31", "2200-01-01", "0001-01-01"]),
    "date-time": (
        ["2000-01-01T00:00:00Z", "2199-12-31T23:59:59-12:00"],
        ["1999-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "9999-12-31T23:59:59Z"],
    ),
}


def edges(schema: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    """Values just inside (True) and just outside (False) each bound of one parameter."""
    if schema.get("type") == "integer":
        if "minimum" in schema:
            yield str(schema["minimum"]), True
            yield str(schema["minimum"] - 1), False
        if "maximum" in schema:
            yield str(schema["maximum"]), True
            yield str(schema["maximum"] + 1), False
    inside, outside = DAYS.get(schema.get("format", ""), ([], []))
    yield from ((value, True) for value in inside)
    yield from ((value, False) for value in outside)
    if "maxLength" in schema and not schema.get("format"):
        yield "t" * schema["maxLength"], True
        yield "t" * (schema["maxLength"] + 1), False
    if "pattern" in schema and re.fullmatch(schema["pattern"], "a\nb") is None:
        yield "a\nb", False


REQUIRED_PARAMETERS = {"on", "as_of", "page", "per_page", "after", "limit", "version", "topic"}


def probes(document: dict[str, Any], world: World) -> list[Probe]:
    found = []
    for template, operations in document["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if not isinstance(parameter, dict) or parameter.get("in") != "query":
                continue
            path = world.fill(template)
            for value, accepted in edges(parameter["schema"]):
                found.append((path, parameter["name"], value, accepted))
    return found


def mismatches(team: ApiClient, all_probes: list[Probe]) -> list[str]:
    return [m for m in (mismatch(team, probe) for probe in all_probes) if m]


def mismatch(team: ApiClient, probe: Probe) -> str:
    path, name, value, accepted = probe
    response = team.get(f"{path}?{urlencode({name: value})}")
    shown = f"GET {path} {name}={value[:40]!r}: {response.status_code}"
    if response.status_code >= 500:
        return shown
    named = response.status_code == 422 and name in (response.json or {}).get("errors", {})
    if accepted == named:
        return f"{shown} {(response.json or {}).get('errors')}"
    return ""
