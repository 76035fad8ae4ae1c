"""Checks an export on its own: every line's link recomputed from its stored form."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Iterator
from uuid import UUID

from audit.chain import StoredRecord, Verification
from audit.verification import ChainRow, verify_records


def _parsed(lines: Iterable[str]) -> Iterator[tuple[StoredRecord, str | None]]:
    for line in lines:
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
        yield record, entry.get("chain")


def verify_export(lines: Iterable[str]) -> Verification:
    """Needs no store: an auditor can run it on a copy kept elsewhere."""
    records: list[StoredRecord] = []
    kept: list[ChainRow] = []
    for record, link in _parsed(lines):
        records.append(record)
        if link is not None:
            kept.append((record.position, link))
    return verify_records(records, kept)
