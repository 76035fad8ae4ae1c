"""The tamper-evident chain: pure SHA-256 arithmetic over the stored log, in order."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from uuid import UUID

GENESIS = bytes(32)


@dataclass(frozen=True)
class StoredRecord:
    """One stored event exactly as the store holds it."""

    position: int
    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes


def link(previous: bytes, record: StoredRecord) -> bytes:
    """H(previous link || position || stream id || version || topic || stored bytes)."""
    topic = record.topic.encode()
    digest = hashlib.sha256(previous)
    digest.update(record.position.to_bytes(8, "big"))
    digest.update(record.originator_id.bytes)
    digest.update(record.originator_version.to_bytes(8, "big", signed=True))
    digest.update(len(topic).to_bytes(4, "big") + topic)
    digest.update(record.state)
    return digest.digest()


def links(records: Iterable[StoredRecord], previous: bytes = GENESIS) -> Iterator[bytes]:
    for record in records:
        previous = link(previous, record)
        yield previous


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    head_position: int | None
    head_hash: str
    first_broken_position: int | None = None
    problem: str | None = None
    unchained: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "head": {"position": self.head_position, "hash": self.head_hash},
            "first_broken_position": self.first_broken_position,
            "problem": self.problem,
            "unchained": self.unchained,
        }
