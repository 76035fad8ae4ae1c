"""Municipalities enrolling at the same moment: capacity holds, nothing is left half-done."""

from __future__ import annotations

import threading
from collections.abc import Callable
from uuid import UUID

from application.app import PeerLearningApp
from domain.enrollment import enrollment_id_for
from domain.errors import AlreadyEnrolled, Conflict
from tests.support.keys import key_for
from tests.support.samples import announce, municipality

TRIES = 100


def at_once(count: int, task: Callable[[int], None]) -> list[BaseException]:
    start, errors = threading.Barrier(count), []

    def run(number: int) -> None:
        try:
            start.wait(timeout=30)
            task(number)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "an enrolment hung"
    return errors


def enrol_until_recorded(app: PeerLearningApp, series_id: UUID, name: str) -> str:
    for _ in range(TRIES):
        try:
            return app.enrol(series_id, municipality(name), "Ute", "ute@example.org", "ben")[1]
        except Conflict:
            continue
    raise AssertionError(f"{name} never got through")


def test_capacity_holds_when_many_enrol_at_once(app: PeerLearningApp) -> None:
    series_id = announce(app, capacity=3)
    names = [f"Gemeinde {n}" for n in range(8)]
    outcome: dict[str, str] = {}

    def enrol(number: int) -> None:
        outcome[names[number]] = enrol_until_recorded(app, series_id, names[number])

    assert at_once(len(names), enrol) == []
    series = app.series(series_id)
    assert sorted(outcome.values()) == ["admitted"] * 3 + ["waitlisted"] * 5
    assert len(series.admitted) == 3 and len(series.waitlist) == 5
    for name, status in outcome.items():
        enrollment = app.enrollment(enrollment_id_for(series_id, key_for(name)))
        assert enrollment.status == status
        listed = series.admitted if status == "admitted" else series.waitlist
        assert str(enrollment.id) in listed
    assert series.version == 1 + len(names)


def test_one_municipality_enrolling_twice_at_once_is_enrolled_once(app: PeerLearningApp) -> None:
    series_id = announce(app)
    refused: list[AlreadyEnrolled] = []

    def enrol(_: int) -> None:
        try:
            enrol_until_recorded(app, series_id, "Stadt Arnsberg")
        except AlreadyEnrolled as error:
            refused.append(error)

    assert at_once(6, enrol) == []
    assert len(refused) == 5
    series = app.series(series_id)
    assert len(series.admitted) == 1 and series.version == 2
    assert app.enrollment(enrollment_id_for(series_id, key_for("Stadt Arnsberg"))).version == 2
