"""Admission and the series' count change in one save; the store refuses a second enrolment."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID, uuid4

import pytest

from application.app import PeerLearningApp
from domain.enrollment import Enrollment
from domain.errors import ConcurrentWrite
from domain.values import Municipality, PersonalData
from peerlearning.bootstrap import open_application
from store.settings import store_settings
from tests.integration.helpers import event_names
from tests.support.samples import announce, municipality


@pytest.fixture
def other(store_url: str) -> Iterator[PeerLearningApp]:
    """A second process on the same store."""
    application = open_application(store_settings(store_url))
    yield application
    application.close()


def enrol(app: PeerLearningApp, series_id: UUID, name: str) -> UUID:
    return app.enrol(series_id, municipality(name), "Ute Kühn", "ute@example.org", actor="ben")[0]


def test_withdrawal_and_promotion_are_saved_together(app: PeerLearningApp) -> None:
    series_id = announce(app, capacity=1)
    admitted = enrol(app, series_id, "Stadt Arnsberg")
    waiting = enrol(app, series_id, "Stadt Olpe")
    saves: list[list[str]] = []
    app.recorded_listeners.append(
        lambda recordings: saves.append([type(r.domain_event).__name__ for r in recordings])
    )
    app.withdraw_enrollment(admitted, actor="ben")
    assert saves == [["EnrollmentReleased", "EnrollmentAdmitted", "Withdrawn", "Admitted"]]
    assert app.enrollment(waiting).status == "admitted"


def test_a_failed_promotion_leaves_series_and_enrolments_unchanged(
    app: PeerLearningApp, other: PeerLearningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    series_id = announce(app, capacity=1)
    admitted = enrol(app, series_id, "Stadt Arnsberg")
    waiting = enrol(app, series_id, "Stadt Olpe")
    load = app.enrollment

    def loaded_then_changed_elsewhere(enrollment_id: UUID) -> Enrollment:
        enrollment = load(enrollment_id)
        if enrollment_id == waiting:
            other.join(waiting, "Eva Weiß", "eva@olpe.example", actor="eva")
        return enrollment

    monkeypatch.setattr(app, "enrollment", loaded_then_changed_elsewhere)
    with pytest.raises(ConcurrentWrite, match="reload and retry"):
        app.withdraw_enrollment(admitted, actor="ben")
    monkeypatch.undo()
    series = app.series(series_id)
    assert (series.admitted, series.waitlist) == ([str(admitted)], [str(waiting)])
    assert app.enrollment(admitted).status == "admitted"
    assert event_names(app, admitted)[-1] == "Admitted"
    assert app.enrollment(waiting).status == "waitlisted"


def test_the_store_refuses_a_second_enrolment_of_one_municipality(app: PeerLearningApp) -> None:
    series_id = announce(app)
    first = enrol(app, series_id, "Stadt Arnsberg")
    contact = PersonalData.of(uuid4(), "Max", "max@example.org")
    duplicate = Enrollment(
        series_id, Municipality.of("Stadt Arnsberg", "05958004"), contact, actor="x"
    )
    assert duplicate.id == first
    with pytest.raises(ConcurrentWrite):
        app.record(duplicate)
    assert app.enrollment(first).contact.name == "Ute Kühn"
    assert event_names(app, first) == ["Registered", "Admitted"]
