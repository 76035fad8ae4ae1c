"""Every step of an enrolment from every status: allowed ones record, the others refuse."""

from __future__ import annotations

from collections.abc import Callable
from uuid import uuid4

import pytest

from domain.enrollment import Enrollment
from domain.errors import EnrollmentClosed, EnrollmentNotChangeable
from domain.kinds import Admission
from domain.values import EnrollmentStatus, Municipality, Participant, PersonalData

REGISTERED, ADMITTED, WAITLISTED, WITHDRAWN, REJECTED = (
    EnrollmentStatus.REGISTERED,
    EnrollmentStatus.ADMITTED,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.WITHDRAWN,
    EnrollmentStatus.REJECTED,
)


def newcomer() -> Participant:
    pid = uuid4()
    return Participant(pid, PersonalData.of(pid, "Eva Weiß", f"{pid.hex}@olpe.example"))


# step: (what it does, the statuses it starts from, the status it leads to)
STEPS: dict[str, tuple[Callable[[Enrollment], object], set[str], str | None]] = {
    "admit": (lambda e: e.admit(actor="anna"), {REGISTERED}, ADMITTED),
    "put on waitlist": (lambda e: e.put_on_waitlist(actor="anna"), {REGISTERED}, WAITLISTED),
    "settle admitted": (lambda e: e.settle(Admission.ADMITTED, "anna"), {REGISTERED}, ADMITTED),
    "settle waiting": (lambda e: e.settle(Admission.WAITLISTED, "anna"), {REGISTERED}, WAITLISTED),
    "move up": (lambda e: e.move_up(actor="system"), {WAITLISTED}, ADMITTED),
    "withdraw": (lambda e: e.withdraw(actor="anna"), {ADMITTED, WAITLISTED}, WITHDRAWN),
    "reject": (lambda e: e.reject("Doppelt", actor="anna"), {ADMITTED, WAITLISTED}, REJECTED),
    "join": (lambda e: e.join(newcomer(), actor="anna"), {ADMITTED, WAITLISTED}, None),
    "correct contact": (
        lambda e: e.correct_contact({"name": "Jana Roth"}, actor="anna"),
        {ADMITTED, WAITLISTED},
        None,
    ),
}


def enrolment_in(status: str) -> Enrollment:
    contact = PersonalData.of(uuid4(), "Jörg Groß", "joerg@olpe.example")
    enrolment = Enrollment(
        uuid4(), Municipality.of("Stadt Olpe", "05966024"), contact, actor="anna"
    )
    if status in (ADMITTED, WITHDRAWN, REJECTED):
        enrolment.admit(actor="anna")
    if status == WAITLISTED:
        enrolment.put_on_waitlist(actor="anna")
    if status == WITHDRAWN:
        enrolment.withdraw(actor="anna")
    if status == REJECTED:
        enrolment.reject("Doppelt angemeldet", actor="anna")
    assert enrolment.status == status
    return enrolment


CASES = [
    (step, status) for step in STEPS for status in EnrollmentStatus if status in STEPS[step][1]
]
REFUSED = [
    (step, status) for step in STEPS for status in EnrollmentStatus if status not in STEPS[step][1]
]


@pytest.mark.parametrize(("step", "status"), CASES)
def test_an_allowed_step_records_one_event_and_leads_on(step: str, status: str) -> None:
    take, _, leads_to = STEPS[step]
    enrolment = enrolment_in(status)
    version = enrolment.version
    take(enrolment)
    assert enrolment.version == version + 1
    assert enrolment.status == (leads_to or status)


@pytest.mark.parametrize(("step", "status"), REFUSED)
def test_a_step_the_status_does_not_allow_is_refused_and_records_nothing(
    step: str, status: str
) -> None:
    take = STEPS[step][0]
    enrolment = enrolment_in(status)
    version = enrolment.version
    final = status in (WITHDRAWN, REJECTED)
    refusal = EnrollmentClosed if final else EnrollmentNotChangeable
    with pytest.raises(refusal, match=f"The enrolment of Stadt Olpe is {status}; it "):
        take(enrolment)
    assert (enrolment.version, enrolment.status) == (version, status)


def test_a_closed_enrolment_says_it_takes_no_more_changes() -> None:
    with pytest.raises(EnrollmentClosed, match="is withdrawn; it takes no more changes"):
        enrolment_in(WITHDRAWN).move_up(actor="system")


def test_only_a_waiting_enrolment_moves_up() -> None:
    with pytest.raises(EnrollmentNotChangeable, match="is admitted; it cannot move up"):
        enrolment_in(ADMITTED).move_up(actor="system")


def test_moving_up_records_the_same_event_as_an_admission() -> None:
    enrolment = enrolment_in(WAITLISTED)
    enrolment.move_up(actor="system")
    last = enrolment.collect_events()[-1]
    assert isinstance(last, Enrollment.Admitted)
    assert last.actor == "system"
