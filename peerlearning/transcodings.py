"""How the domain's value objects are written into stored events."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.values import (
    Meeting,
    Municipality,
    Participant,
    PersonalData,
    SeriesDetails,
)


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


def dataclass_transcoding(cls: type, name: str) -> Transcoding:
    tuple_fields = {f.name for f in dataclasses.fields(cls) if str(f.type).startswith("tuple")}

    class DataclassAsDict(Transcoding):
        type = cls

        def encode(self, obj: Any) -> dict[str, Any]:
            return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}

        def decode(self, data: dict[str, Any]) -> Any:
            values = {
                k: tuple(v) if k in tuple_fields and isinstance(v, list) else v
                for k, v in data.items()
            }
            return cls(**values)

    DataclassAsDict.name = name
    return DataclassAsDict()


VALUE_OBJECTS: dict[type, str] = {
    SeriesDetails: "series_details",
    Meeting: "meeting",
    Municipality: "municipality",
    Participant: "participant",
}


def register_domain_transcodings(
    transcoder: JSONTranscoder, personal_data: Transcoding | None = None
) -> None:
    transcoder.register(DateAsISO())
    for cls, name in VALUE_OBJECTS.items():
        transcoder.register(dataclass_transcoding(cls, name))
    transcoder.register(personal_data or dataclass_transcoding(PersonalData, "personal_data"))
