"""What auditors read instead of a person: a stable pseudonym, a keyed hash of their id.

The same person reads as the same pseudonym in every answer and after erasure, so an auditor
can follow one person through the log without learning who it is. The key is the server's
`pseudonym` key (see `audit.server_keys`); it is never shown.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
from collections.abc import Callable
from typing import Any
from uuid import UUID

from audit.jsonable import jsonable
from domain.values import PersonalData

Pseudonym = Callable[[UUID], str]
PERSON_IDS = frozenset({"participant_id", "subject_id"})
PREFIX = "person-"
DIGITS = 24


def pseudonym_with(key: bytes) -> Pseudonym:
    def pseudonym(subject_id: UUID) -> str:
        digest = hmac.new(key, subject_id.bytes, hashlib.sha256).hexdigest()
        return PREFIX + digest[:DIGITS]

    return pseudonym


def pseudonymised(value: Any, pseudonym: Pseudonym) -> Any:
    """`value` as JSON, each person's name, e-mail and id replaced by their pseudonym."""
    if isinstance(value, PersonalData):
        name = pseudonym(value.subject_id)
        return {"subject_id": name, "name": name, "email": name}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return fields_of(
            {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}, pseudonym
        )
    if isinstance(value, dict):
        return fields_of(value, pseudonym)
    if isinstance(value, list | tuple | set | frozenset):
        return [pseudonymised(v, pseudonym) for v in value]
    return jsonable(value)


def fields_of(values: dict[Any, Any], pseudonym: Pseudonym) -> dict[str, Any]:
    return {str(name): _field(str(name), value, pseudonym) for name, value in values.items()}


def _field(name: str, value: Any, pseudonym: Pseudonym) -> Any:
    if name in PERSON_IDS and isinstance(value, UUID):
        return pseudonym(value)
    return pseudonymised(value, pseudonym)
