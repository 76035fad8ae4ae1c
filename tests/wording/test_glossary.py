"""The glossary names every value of the domain the page and the mails show."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from domain.status import SeriesStatus
from domain.values import Format, MeetingKind, MeetingState
from wording.catalogues import named
from wording.glossary import (
    FORMAT,
    MEETING_KIND,
    MEETING_STATE,
    PAST,
    SECTION,
    SERIES_STATUS,
    meeting_kind,
)


@pytest.mark.parametrize(
    ("table", "values"),
    [
        (MEETING_KIND, MeetingKind),
        (FORMAT, Format),
        (SECTION, SeriesStatus),
        (SERIES_STATUS, SeriesStatus),
        (MEETING_STATE, [*MeetingState, PAST]),
    ],
)
def test_every_value_has_an_id(table: dict[str, str], values: Iterable[str]) -> None:
    assert set(table) == {str(value) for value in values}


def test_the_names_come_from_the_catalogues() -> None:
    assert named(MEETING_KIND, "de") == {
        "kickoff": "Auftakttreffen",
        "exchange": "Austauschtreffen",
        "reflection": "Reflexionstermin",
    }
    assert meeting_kind("reflection", "en") == "reflection meeting"
    assert meeting_kind("unheard-of", "de") == "unheard-of"
