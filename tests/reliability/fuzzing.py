"""Schemathesis over the project's own OpenAPI document: cases, checks and a tally."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.schemas import OpenApiSchema

CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Streams that the checks cannot read as one document.
SKIPPED = {("GET", "/audit/export")}


@dataclass
class Tally:
    """What a fuzzing run sent and got back, for the figures in the guarantees."""

    statuses: Counter[int] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


def operations(schema: OpenApiSchema) -> list[Any]:
    found = [result.ok() for result in schema.get_all_operations()]
    return [op for op in found if (op.method.upper(), op.path) not in SKIPPED]


def cases(operation: Any, known_ids: dict[str, str]) -> st.SearchStrategy[Any]:
    """Positive and negative cases; half of them aimed at ids that exist."""
    names = {p.name for p in operation.path_parameters}
    known = {name: value for name, value in known_ids.items() if name in names}
    modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    strategies = [operation.as_strategy(generation_mode=mode) for mode in modes]
    if known:
        strategies += [
            operation.as_strategy(generation_mode=mode, path_parameters=known) for mode in modes
        ]
    return st.one_of(strategies)


def fuzz_operation(
    operation: Any,
    known_ids: dict[str, str],
    send: Callable[[Any], Any],
    tally: Tally,
    examples: int,
) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases(operation, known_ids))
    def run(case: Any) -> None:
        response = send(case)
        tally.statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    run()
