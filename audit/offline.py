"""Checks an export on its own: every line's link recomputed from its stored form, and every
line's readable fields derived again from it (see `audit.export_fields`)."""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from audit.chain import StoredRecord, Verification
from audit.export_fields import ExportFields, FieldDisagrees
from audit.verification import ChainRow, verify_records


@dataclass(frozen=True)
class _Line:
    number: int
    entry: dict[str, Any]
    record: StoredRecord


def _parsed(lines: Iterable[str]) -> Iterator[_Line]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        record = StoredRecord(
            position=int(entry["position"]),
            originator_id=UUID(entry["stream_id"]),
            originator_version=int(entry["version"]),
            topic=entry["stored"]["topic"],
            state=base64.b64decode(entry["stored"]["state"]),
        )
        yield _Line(number, entry, record)


def _chain(lines: list[_Line]) -> Verification:
    kept: list[ChainRow] = [
        (line.record.position, line.entry["chain"])
        for line in lines
        if line.entry.get("chain") is not None
    ]
    return verify_records([line.record for line in lines], kept)


def _first_disagreement(lines: list[_Line]) -> tuple[int, str] | None:
    """The index of the first line whose readable fields differ from its stored record."""
    fields = ExportFields()
    for index, line in enumerate(lines):
        try:
            fields.check(line.entry, line.record)
        except FieldDisagrees as error:
            return index, (
                f"Line {line.number} (position {line.record.position}) differs from its "
                f"stored record: {error}."
            )
    return None


def verify_export(lines: Iterable[str]) -> Verification:
    """Needs no store: an auditor can run it on a copy kept elsewhere."""
    parsed = list(_parsed(lines))
    chained = _chain(parsed)
    disagreement = _first_disagreement(parsed)
    if disagreement is None:
        return chained
    index, problem = disagreement
    position = parsed[index].record.position
    if chained.first_broken_position is not None and chained.first_broken_position <= position:
        return chained
    before = _chain(parsed[:index])
    return dataclasses.replace(
        before, ok=False, first_broken_position=position, problem=problem, unchained=0
    )
