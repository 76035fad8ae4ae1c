"""A participant saying they cannot attend a meeting, and taking it back: only an active
participant of an admitted enrolment, once per meeting, while the meeting is still ahead."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.enrollment import Enrollment
from domain.errors import (
    DeclineNotChangeable,
    EnrollmentNotChangeable,
    MeetingNotChangeable,
    ParticipantNotFound,
)
from domain.values import Meeting, MeetingState, Municipality, Participant, PersonalData
from tests.unit.builders import NOW, meeting

DAY = date(2024, 11, 5)


def admitted_with(eva: Participant) -> Enrollment:
    contact = PersonalData.of(uuid4(), "Jörg Groß", "joerg@olpe.example")
    enrolment = Enrollment(
        uuid4(), Municipality.of("Stadt Olpe", "05966024"), contact, actor="anna"
    )
    enrolment.admit(actor="anna")
    enrolment.join(eva, actor="anna")
    return enrolment


def person() -> Participant:
    pid = uuid4()
    return Participant(pid, PersonalData.of(pid, "Eva Weiß", f"{pid.hex}@olpe.example"))


def ahead() -> Meeting:
    return meeting("exchange", DAY)


def test_a_participant_declines_a_meeting_ahead_and_takes_it_back() -> None:
    eva, other = person(), person()
    enrolment = admitted_with(eva)
    enrolment.join(other, actor="anna")
    planned = ahead()

    enrolment.decline_meeting(eva.participant_id, planned, now=NOW, actor="eva")

    assert enrolment.has_declined(eva.participant_id, planned.meeting_id)
    assert not enrolment.has_declined(other.participant_id, planned.meeting_id)
    assert not enrolment.has_declined(eva.participant_id, uuid4())
    declined = enrolment.collect_events()[-1]
    assert isinstance(declined, Enrollment.MeetingDeclined)
    assert (declined.participant_id, declined.meeting_id, declined.actor) == (
        eva.participant_id,
        planned.meeting_id,
        "eva",
    )

    enrolment.withdraw_decline(eva.participant_id, planned, now=NOW, actor="ben")

    assert not enrolment.has_declined(eva.participant_id, planned.meeting_id)
    withdrawn = enrolment.collect_events()[-1]
    assert isinstance(withdrawn, Enrollment.DeclineWithdrawn)
    assert (withdrawn.participant_id, withdrawn.meeting_id, withdrawn.actor) == (
        eva.participant_id,
        planned.meeting_id,
        "ben",
    )


def test_a_meeting_is_declined_once() -> None:
    eva = person()
    enrolment = admitted_with(eva)
    planned = ahead()
    enrolment.decline_meeting(eva.participant_id, planned, now=NOW, actor="eva")

    with pytest.raises(
        DeclineNotChangeable, match=r"^The participant has already declined this meeting\.$"
    ):
        enrolment.decline_meeting(eva.participant_id, planned, now=NOW, actor="eva")


def test_only_a_decline_is_taken_back() -> None:
    eva = person()

    with pytest.raises(
        DeclineNotChangeable, match=r"^The participant has not declined this meeting\.$"
    ):
        admitted_with(eva).withdraw_decline(eva.participant_id, ahead(), now=NOW, actor="eva")


def test_a_leaver_neither_declines_nor_takes_back() -> None:
    eva = person()
    enrolment = admitted_with(eva)
    planned = ahead()
    enrolment.decline_meeting(eva.participant_id, planned, now=NOW, actor="eva")
    enrolment.leave(eva.participant_id, now=NOW, actor="eva")

    for answer in (enrolment.decline_meeting, enrolment.withdraw_decline):
        with pytest.raises(
            DeclineNotChangeable, match=r"^The participant has left this Peer-Learning\.$"
        ):
            answer(eva.participant_id, planned, now=NOW, actor="eva")


def test_only_a_participant_of_the_enrolment_declines() -> None:
    with pytest.raises(ParticipantNotFound):
        admitted_with(person()).decline_meeting(uuid4(), ahead(), now=NOW, actor="x")


def test_a_waiting_enrolment_does_not_answer_for_meetings() -> None:
    eva = person()
    contact = PersonalData.of(uuid4(), "Jörg Groß", "joerg@olpe.example")
    enrolment = Enrollment(
        uuid4(), Municipality.of("Stadt Olpe", "05966024"), contact, actor="anna"
    )
    enrolment.put_on_waitlist(actor="anna")
    enrolment.join(eva, actor="anna")

    with pytest.raises(
        EnrollmentNotChangeable,
        match=r"^The enrolment of Stadt Olpe is waitlisted; it cannot answer for a meeting; "
        r"only an admitted one does\.$",
    ):
        enrolment.decline_meeting(eva.participant_id, ahead(), now=NOW, actor="eva")


@pytest.mark.parametrize(
    ("state", "message"),
    [(MeetingState.HELD, "already held"), (MeetingState.CANCELLED, "was cancelled")],
)
def test_a_meeting_held_or_cancelled_takes_no_answer(state: str, message: str) -> None:
    eva = person()
    past = replace(ahead(), state=state)

    with pytest.raises(MeetingNotChangeable, match=message):
        admitted_with(eva).decline_meeting(eva.participant_id, past, now=NOW, actor="eva")


def test_a_started_meeting_takes_no_answer() -> None:
    eva = person()
    planned = ahead()

    with pytest.raises(MeetingNotChangeable, match="already started"):
        admitted_with(eva).decline_meeting(
            eva.participant_id, planned, now=planned.starts_at + timedelta(minutes=1), actor="e"
        )


def test_a_new_enrolment_has_no_declines() -> None:
    assert admitted_with(person()).declines == {}
