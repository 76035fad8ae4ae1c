"""Holds an export line's readable fields against its `stored` record, without the store.

The readable fields are derived again from the stored form with the export's own function
(`audit.history.readable_entry`) and must be equal, with these exceptions by design:

- People's names and e-mail addresses are sealed in `stored`, and the keys are not in the
  export: any text passes there (the sealed form itself is covered by the chain).
- An auditor's export shows each person as a pseudonym (a keyed hash the export cannot
  recompute): a pseudonym passes in a person's place if it has the pseudonym's form and the
  same person reads as the same pseudonym on every line, and no two people as one.
- `actor_role` comes from the tokens at export time, which the export does not hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Mapper, StoredEvent, Transcoding

from audit.chain import StoredRecord
from audit.history import readable_entry
from audit.pseudonyms import DIGITS, PERSON_IDS, PREFIX
from domain.values import PersonalData
from store.transcodings import domain_transcoder

SEALED = "\x00sealed"  # what a sealed name or address reads without the key
UNCHECKED = frozenset({"actor_role", "stored", "chain"})
PSEUDONYM = re.compile(re.escape(PREFIX) + f"[0-9a-f]{{{DIGITS}}}")


class FieldDisagrees(Exception):
    """A readable field of an export line is not what its stored record holds."""


class _Unopened(Transcoding):
    """Reads personal data as stored: a clear or erased value as it is, a sealed one unopened."""

    type = PersonalData
    name = "personal_data"

    def encode(self, obj: PersonalData) -> dict[str, Any]:
        raise NotImplementedError("An export is only read.")

    def decode(self, data: dict[str, Any]) -> PersonalData:
        subject_id = UUID(str(data["subject_id"]))
        if "name" in data:
            return PersonalData(subject_id, data["name"], data["email"])
        if "sealed" in data:
            return PersonalData(subject_id, SEALED, SEALED)
        return PersonalData(subject_id, "erased", "erased")


def export_mapper() -> Mapper[UUID]:
    return Mapper(transcoder=domain_transcoder(_Unopened()))


@dataclass
class ExportFields:
    """Checks line after line; remembers each person's pseudonym across the lines."""

    mapper: Mapper[UUID] = field(default_factory=export_mapper)
    pseudonyms: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)

    def check(self, entry: dict[str, Any], record: StoredRecord) -> None:
        """Raises FieldDisagrees naming the first field that differs from `record`."""
        expected = self._readable(record)
        for name in sorted((set(expected) | set(entry)) - UNCHECKED):
            if name not in entry:
                raise FieldDisagrees(f"the field `{name}` is missing")
            if name not in expected:
                raise FieldDisagrees(f"the field `{name}` is not part of an export")
            self._same(name, entry[name], expected[name])

    def _readable(self, record: StoredRecord) -> dict[str, Any]:
        stored = StoredEvent(
            originator_id=record.originator_id,
            originator_version=record.originator_version,
            topic=record.topic,
            state=record.state,
        )
        try:
            return readable_entry(
                record.position, record.topic, self.mapper.to_domain_event(stored)
            )
        except Exception as error:  # whatever fails to read, the line cannot be checked
            raise FieldDisagrees(f"the stored record does not decode ({error})") from None

    def _same(self, path: str, found: Any, expected: Any) -> None:
        if _is_person(expected):
            self._person(path, found, expected)
        elif path.rpartition(".")[2] in PERSON_IDS and _pseudonym(found) is not None:
            self._pseudonym_of(path, found, expected)
        elif isinstance(expected, dict) and isinstance(found, dict):
            for key in sorted(set(expected) | set(found)):
                if key not in found or key not in expected:
                    where = "stored record" if key not in expected else "line"
                    raise FieldDisagrees(f"the field `{path}.{key}` is not in the {where}")
                self._same(f"{path}.{key}", found[key], expected[key])
        elif isinstance(expected, list) and isinstance(found, list) and len(found) == len(expected):
            for index, (one, other) in enumerate(zip(found, expected, strict=True)):
                self._same(f"{path}[{index}]", one, other)
        elif found != expected or type(found) is not type(expected):
            raise _differs(path, found, expected)

    def _person(self, path: str, found: Any, expected: dict[str, Any]) -> None:
        if not isinstance(found, dict) or set(found) != set(expected):
            raise _differs(path, found, expected)
        if _pseudonym(found["subject_id"]) is not None:
            for key in ("subject_id", "name", "email"):
                if found[key] != found["subject_id"]:
                    raise _differs(f"{path}.{key}", found[key], found["subject_id"])
            self._pseudonym_of(f"{path}.subject_id", found["subject_id"], expected["subject_id"])
            return
        self._same(f"{path}.subject_id", found["subject_id"], expected["subject_id"])
        for key in ("name", "email"):
            if expected[key] != SEALED:
                self._same(f"{path}.{key}", found[key], expected[key])
            elif not isinstance(found[key], str):
                raise _differs(f"{path}.{key}", found[key], "a text")

    def _pseudonym_of(self, path: str, found: str, subject_id: Any) -> None:
        """One person, one pseudonym, on every line; one pseudonym, one person."""
        subject = str(subject_id)
        known, owner = self.pseudonyms.get(subject), self.people.get(found)
        if (known is not None and known != found) or (owner is not None and owner != subject):
            raise FieldDisagrees(
                f"the field `{path}` reads {found!r}, a pseudonym that elsewhere in the "
                "export stands for another person"
            )
        self.pseudonyms[subject], self.people[found] = found, subject


def _is_person(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"subject_id", "name", "email"}


def _pseudonym(value: Any) -> str | None:
    return value if isinstance(value, str) and PSEUDONYM.fullmatch(value) else None


def _differs(path: str, found: Any, expected: Any) -> FieldDisagrees:
    return FieldDisagrees(
        f"the field `{path}` reads {_short(found)}, but the stored record holds {_short(expected)}"
    )


def _short(value: Any) -> str:
    text = "nothing" if value is None else repr(value).replace(repr(SEALED)[1:-1], "<sealed>")
    return text if len(text) <= 80 else text[:77] + "..."
