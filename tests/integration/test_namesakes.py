"""Towns of the same name are told apart by their official key (AGS)."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from application.app import PeerLearningApp
from domain.enrollment import Enrollment
from domain.enrollment_steps import enrollment_id_by_name
from domain.errors import AlreadyEnrolled
from domain.values import Municipality, PersonalData
from tests.support.samples import announce


def neustadt(key: str) -> dict[str, str | None]:
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


def enrolled_before_keys(app: PeerLearningApp, series_id: UUID, name: str) -> UUID:
    """An enrolment as recorded before the key was required: its id from its name."""
    series = app.series(series_id)
    contact = PersonalData.of(uuid4(), "Ada", "ada@example.org")
    enrollment = Enrollment(series_id, Municipality(name), contact, actor="anna")
    enrollment.settle(series.enrol(enrollment.id, actor="anna"), actor="anna")
    app.record(series, enrollment)
    return enrollment.id  # type: ignore[no-any-return]


def test_an_enrolment_without_key_keeps_its_id_and_reads_back(app: PeerLearningApp) -> None:
    series_id = announce(app)
    old = enrolled_before_keys(app, series_id, "Neustadt")
    assert old == enrollment_id_by_name(series_id, " neustadt ")
    read = app.enrollment(old)
    assert (read.municipality.name, read.municipality.key, read.status) == (
        "Neustadt",
        None,
        "admitted",
    )


def test_a_name_enrolled_before_keys_blocks_the_same_name(app: PeerLearningApp) -> None:
    series_id = announce(app)
    enrolled_before_keys(app, series_id, "Neustadt")
    with pytest.raises(AlreadyEnrolled):
        app.enrol(series_id, neustadt("09574140"), "Bea", "bea@example.org", actor="anna")
