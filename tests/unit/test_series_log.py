"""What a series' log says: every change names who made it, with the reason or notes given;
a meeting scheduled without an id is given one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from uuid import uuid4

from domain.kinds import Admission
from domain.peer_learning import PeerLearning
from domain.status import SeriesStatus
from tests.support.samples import at
from tests.unit.builders import NOW, TODAY, announced, kickoff_held, meeting, schedule

DAY = date(2024, 11, 5)


def last(series: PeerLearning) -> object:
    return series.collect_events()[-1]


def test_announcing_and_revising_name_who_did_it() -> None:
    series = announced()
    (created,) = series.collect_events()

    series.revise_details({"title": "Neu"}, actor="ben")

    assert isinstance(created, PeerLearning.Announced)
    assert created.actor == "anna"
    revised = last(series)
    assert isinstance(revised, PeerLearning.DetailsRevised)
    assert (revised.details.title, revised.actor) == ("Neu", "ben")


def test_seats_are_given_by_name() -> None:
    series = announced(capacity=1)
    seated, waiting, by_hand = uuid4(), uuid4(), uuid4()

    assert series.enrol(seated, actor="ben") == Admission.ADMITTED
    admitted = last(series)
    assert series.enrol(waiting, actor="carl") == Admission.WAITLISTED
    waitlisted = last(series)
    series.revise_details({"capacity": 3}, actor="anna")
    series.admit(by_hand, actor="dora")
    by_hand_event = last(series)

    assert isinstance(admitted, PeerLearning.EnrollmentAdmitted)
    assert (admitted.enrollment_id, admitted.actor) == (seated, "ben")
    assert isinstance(waitlisted, PeerLearning.EnrollmentWaitlisted)
    assert (waitlisted.enrollment_id, waitlisted.actor) == (waiting, "carl")
    assert isinstance(by_hand_event, PeerLearning.EnrollmentAdmitted)
    assert (by_hand_event.enrollment_id, by_hand_event.actor) == (by_hand, "dora")
    assert series.admitted == [str(seated), str(waiting), str(by_hand)]


def test_a_meeting_is_scheduled_by_name_and_given_an_id_if_it_has_none() -> None:
    series = announced()
    planned = replace(meeting("kickoff", DAY), meeting_id=None)

    meeting_id = series.schedule_meeting(planned, actor="ben")

    assert meeting_id is not None
    assert series.meeting(meeting_id).meeting_id == meeting_id
    scheduled = last(series)
    assert isinstance(scheduled, PeerLearning.MeetingScheduled)
    assert (scheduled.meeting.meeting_id, scheduled.actor) == (meeting_id, "ben")


def test_a_meeting_keeps_the_id_it_was_given() -> None:
    series = announced()
    planned = meeting("kickoff", DAY)

    assert series.schedule_meeting(planned, actor="anna") == planned.meeting_id


def test_moving_a_meeting_records_its_new_times_and_who_moved_it() -> None:
    series = announced()
    kickoff = schedule(series, "kickoff", DAY)

    series.reschedule_meeting(kickoff.meeting_id, at(DAY, 14), at(DAY, 16), now=NOW, actor="ben")

    moved = series.meeting(kickoff.meeting_id)
    assert (moved.starts_at, moved.ends_at) == (at(DAY, 14), at(DAY, 16))
    event = last(series)
    assert isinstance(event, PeerLearning.MeetingRescheduled)
    assert (event.starts_at, event.ends_at, event.actor) == (at(DAY, 14), at(DAY, 16), "ben")


def test_calling_off_a_meeting_records_why_and_who() -> None:
    series = announced()
    kickoff = schedule(series, "kickoff", DAY)

    series.cancel_meeting(kickoff.meeting_id, now=NOW, actor="ben", reason="Krank")

    event = last(series)
    assert isinstance(event, PeerLearning.MeetingCancelled)
    assert (event.meeting_id, event.reason, event.actor) == (kickoff.meeting_id, "Krank", "ben")


def test_a_held_meeting_names_who_marked_it() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    kickoff = schedule(series, "kickoff", date(2024, 3, 5))

    series.mark_meeting_held(kickoff.meeting_id, now=NOW, actor="ben", attendance=12)

    event = last(series)
    assert isinstance(event, PeerLearning.MeetingHeld)
    assert (event.attendance, event.actor) == (12, "ben")


def test_the_course_of_a_series_names_who_steered_it() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    kickoff_held(series, date(2024, 3, 5))

    series.close_joining(actor="ben")
    closed_joining = last(series)
    series.reopen_joining(actor="carl")
    reopened = last(series)
    series.hold_reflection(TODAY, today=TODAY, actor="dora", notes="Gut gelaufen")
    reflection = last(series)
    series.close(TODAY, today=TODAY, actor="emil")
    closed = last(series)

    assert isinstance(closed_joining, PeerLearning.JoiningClosed)
    assert closed_joining.actor == "ben"
    assert isinstance(reopened, PeerLearning.JoiningReopened)
    assert reopened.actor == "carl"
    assert isinstance(reflection, PeerLearning.ReflectionHeld)
    assert (reflection.held_on, reflection.notes, reflection.actor) == (
        TODAY,
        "Gut gelaufen",
        "dora",
    )
    assert isinstance(closed, PeerLearning.Closed)
    assert (closed.effective_on, closed.actor) == (TODAY, "emil")


def test_a_withdrawal_names_why_and_who() -> None:
    series = announced()

    series.withdraw(TODAY, today=TODAY, actor="ben", reason="Zu wenige Anmeldungen")

    event = last(series)
    assert isinstance(event, PeerLearning.Withdrawn)
    assert (event.effective_on, event.reason, event.actor) == (
        TODAY,
        "Zu wenige Anmeldungen",
        "ben",
    )


def test_a_series_runs_from_its_start_date_without_a_kickoff() -> None:
    series = announced(starts_on=date(2024, 10, 1))

    assert series.status_on(date(2024, 9, 30)) == SeriesStatus.NEW
    assert series.status_on(date(2024, 10, 1)) == SeriesStatus.RUNNING
    assert series.status_on(date(2024, 10, 1) + timedelta(days=1)) == SeriesStatus.RUNNING
