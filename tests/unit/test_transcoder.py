"""The fast decoder reads every stored event exactly as the library's decoder does."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from uuid import uuid4

import pytest
from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    TranscodingNotRegisteredError,
)
from eventsourcing.persistence import UUIDAsHex as LibraryUUIDAsHex

from domain.values import Meeting, Municipality, Participant, PersonalData
from store.transcodings import DomainTranscoder, UUIDAsHex, register_domain_transcodings


def transcoders() -> tuple[JSONTranscoder, DomainTranscoder]:
    library, fast = JSONTranscoder(), DomainTranscoder()
    for transcoder in (library, fast):
        for transcoding in (LibraryUUIDAsHex(), DecimalAsStr(), DatetimeAsISO()):
            transcoder.register(transcoding)
        register_domain_transcodings(transcoder)
    return library, fast


def sample_states() -> list[dict[str, Any]]:
    person = PersonalData.of(uuid4(), "Erika Mustermann", "erika@example.org")
    starts = datetime(2024, 10, 28, 10, tzinfo=timezone(timedelta(hours=1)))
    meeting = Meeting(
        uuid4(), "kickoff", starts, starts + timedelta(hours=2), "virtual", "https://v.example"
    )
    return [
        {"timestamp": datetime.now(UTC), "series": uuid4(), "actor": "anna"},
        {"participant": Participant(uuid4(), person, "en"), "left": None, "n": 2**70},
        {"meeting": meeting, "ids": [uuid4(), uuid4()], "nested": [[date(2024, 1, 1)], {}]},
        {"place": Municipality.of("Stadt Olpe", "05966024", "NRW", "Sauerland")},
        {"looks_typed": {"_type_": "uuid_hex"}, "two_keys": {"_data_": "x", "b": 1}},
    ]


@pytest.mark.parametrize("state", sample_states(), ids=lambda s: ",".join(s))
def test_the_fast_decoder_equals_the_library(state: dict[str, Any]) -> None:
    library, fast = transcoders()
    stored = library.encode(state)
    assert fast.encode(state) == stored
    assert fast.decode(stored) == library.decode(stored)


def test_an_unknown_type_name_is_refused_as_by_the_library() -> None:
    _, fast = transcoders()
    with pytest.raises(TranscodingNotRegisteredError):
        fast.decode(b'{"a": {"_type_": "no_such_type", "_data_": "x"}}')


def test_a_repeated_id_is_read_once_and_stays_equal() -> None:
    ids = UUIDAsHex()
    value = uuid4()
    first, second = ids.decode(value.hex), ids.decode(value.hex)
    assert first == value and first is second
