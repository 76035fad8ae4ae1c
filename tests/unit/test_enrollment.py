"""Capacity and the waiting list, participants joining and leaving an enrolment."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID, uuid4

import pytest

from domain.enrollment import Enrollment, enrollment_id_for
from domain.errors import DuplicateParticipant, EnrollmentClosed, ParticipantNotFound
from domain.kinds import Admission
from domain.peer_learning import PeerLearning
from domain.values import EnrollmentStatus, Municipality, Participant, PersonalData
from tests.support.keys import key_for
from tests.unit.builders import NOW, announced

SERIES_ID = UUID("6f1c2a7e-3c1b-4a55-9f7e-0d1f6d1b2a10")


def enrollment(name: str = "Stadt Arnsberg") -> Enrollment:
    contact = PersonalData.of(uuid4(), "Jörg Groß", "joerg.gross@arnsberg.example")
    return Enrollment(SERIES_ID, Municipality.of(name, key_for(name)), contact, actor="anna")


def participant(email: str = "eva@arnsberg.example") -> Participant:
    pid = uuid4()
    return Participant(pid, PersonalData.of(pid, "Eva Weiß", email), joined_at=NOW)


def test_past_capacity_new_enrolments_wait() -> None:
    series = announced(capacity=2)
    first, second, third = uuid4(), uuid4(), uuid4()
    for seat in (first, second):
        assert series.has_seat_for_one_more()
        assert series.enrol(seat, actor="anna") == Admission.ADMITTED
    assert not series.has_seat_for_one_more()
    assert series.enrol(third, actor="anna") == Admission.WAITLISTED
    assert (series.admitted, series.waitlist) == ([str(first), str(second)], [str(third)])


def test_a_freed_seat_goes_to_the_first_on_the_waiting_list() -> None:
    series = announced(capacity=1)
    admitted, waiting, later = uuid4(), uuid4(), uuid4()
    for enrollment_id in (admitted, waiting, later):
        series.enrol(enrollment_id, actor="anna")
    assert series.release(admitted, actor="anna") == [waiting]
    assert (series.admitted, series.waitlist) == ([str(waiting)], [str(later)])
    moved_up = series.collect_events()[-1]
    assert isinstance(moved_up, PeerLearning.EnrollmentAdmitted)
    assert (moved_up.enrollment_id, moved_up.actor) == (waiting, "system")


def test_without_capacity_every_enrolment_gets_a_seat() -> None:
    series = announced(capacity=None)
    for _ in range(50):
        series.admit(uuid4(), actor="anna")
    assert series.has_seat_for_one_more()


def test_releasing_an_unknown_enrolment_records_nothing() -> None:
    series = announced(capacity=1)
    version = series.version
    assert series.release(uuid4(), actor="anna") == []
    assert series.version == version


def test_one_id_per_municipality_and_series() -> None:
    assert enrollment_id_for(SERIES_ID, "05958004") == enrollment("stadt arnsberg").id
    assert enrollment_id_for(SERIES_ID, "05966024") != enrollment().id
    assert enrollment_id_for(uuid4(), "05958004") != enrollment().id


def test_participants_join_admitted_or_waitlisted_enrolments() -> None:
    for status_change in (Enrollment.admit, Enrollment.put_on_waitlist):
        enrolment = enrollment()
        status_change(enrolment, actor="anna")
        enrolment.join(participant(), actor="anna")
        assert len(enrolment.active_participants) == 1


def test_one_email_once_per_enrolment() -> None:
    enrolment = enrollment()
    enrolment.admit(actor="anna")
    enrolment.join(participant("eva@arnsberg.example"), actor="anna")
    with pytest.raises(DuplicateParticipant, match="EVA@arnsberg.example already takes part"):
        enrolment.join(participant("EVA@arnsberg.example"), actor="anna")


def test_leaving_keeps_the_participants_history() -> None:
    enrolment = enrollment()
    enrolment.admit(actor="anna")
    eva = participant()
    enrolment.join(eva, actor="anna")
    left_at = NOW + timedelta(days=3)
    enrolment.leave(eva.participant_id, now=left_at, actor="eva")
    kept = enrolment.participant(eva.participant_id)
    assert (kept.person.name, kept.joined_at, kept.left_at) == ("Eva Weiß", NOW, left_at)
    assert enrolment.active_participants == []
    enrolment.join(participant(), actor="anna")
    assert len(enrolment.participants) == 2


def test_leaving_again_records_nothing_and_keeps_the_first_time() -> None:
    enrolment = enrollment()
    enrolment.admit(actor="anna")
    eva = participant()
    enrolment.join(eva, actor="anna")
    enrolment.leave(eva.participant_id, now=NOW, actor="eva")
    version = enrolment.version
    enrolment.leave(eva.participant_id, now=NOW + timedelta(days=1), actor="anna")
    assert enrolment.version == version
    assert enrolment.participant(eva.participant_id).left_at == NOW


def test_only_a_participant_of_the_enrolment_can_leave() -> None:
    enrolment = enrollment()
    with pytest.raises(ParticipantNotFound, match="00000000-0000-4000-8000-000000000009"):
        enrolment.leave(UUID("00000000-0000-4000-8000-000000000009"), now=NOW, actor="anna")


@pytest.mark.parametrize("status", [EnrollmentStatus.WITHDRAWN, EnrollmentStatus.REJECTED])
def test_a_finished_enrolment_takes_no_changes(status: EnrollmentStatus) -> None:
    enrolment = enrollment()
    enrolment.admit(actor="anna")
    if status == EnrollmentStatus.WITHDRAWN:
        enrolment.withdraw(actor="anna", reason="Keine Zeit")
    else:
        enrolment.reject(reason="Doppelt angemeldet", actor="anna")
    with pytest.raises(EnrollmentClosed, match=f"Stadt Arnsberg is {status}; it takes no more"):
        enrolment.join(participant(), actor="anna")
    with pytest.raises(EnrollmentClosed, match=f"is {status}"):
        enrolment.withdraw(actor="anna")
