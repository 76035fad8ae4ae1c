"""Towns of the same name are told apart by their official key (AGS)."""

from __future__ import annotations

import pytest

from application.app import PeerLearningApp
from domain.errors import AlreadyEnrolled
from tests.support.samples import announce


def neustadt(key: str | None) -> dict[str, str | None]:
    return {"name": "Neustadt", "key": key, "state": None, "region": None}


def test_two_neustadts_with_different_keys_both_enrol(app: PeerLearningApp) -> None:
    series_id = announce(app)
    first, _ = app.enrol(series_id, neustadt("07337064"), "Ada", "ada@example.org", actor="anna")
    second, _ = app.enrol(series_id, neustadt("09574140"), "Bea", "bea@example.org", actor="anna")
    assert first != second
    assert app.series(series_id).admitted == [str(first), str(second)]


def test_the_same_key_enrols_once(app: PeerLearningApp) -> None:
    series_id = announce(app)
    app.enrol(series_id, neustadt("07337064"), "Ada", "ada@example.org", actor="anna")
    with pytest.raises(AlreadyEnrolled, match="Neustadt is already enrolled"):
        app.enrol(series_id, neustadt("07337064"), "Cem", "cem@example.org", actor="anna")


def test_a_name_without_key_enrolled_first_blocks_the_same_name(app: PeerLearningApp) -> None:
    series_id = announce(app)
    app.enrol(series_id, neustadt(None), "Ada", "ada@example.org", actor="anna")
    with pytest.raises(AlreadyEnrolled):
        app.enrol(series_id, neustadt("09574140"), "Bea", "bea@example.org", actor="anna")
