"""The rules of a series' meetings as the team reads them: each refusal's whole message, the
bounds of attendance on both sides, who was present at a held meeting, and the order of the
kick-off, the exchanges and the reflection down to the minute."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.errors import (
    InvalidValue,
    MeetingNotChangeable,
    NotYetPossible,
    ScheduleConflict,
)
from domain.peer_learning import PeerLearning
from domain.rules import MAX_PRESENT
from tests.support.samples import at
from tests.unit.builders import NOW, TODAY, announced, kickoff_held, meeting, schedule

DAY = date(2024, 11, 5)
LATER = DAY + timedelta(days=7)


@pytest.fixture
def series() -> PeerLearning:
    return announced()


def held(series: PeerLearning, kind: str = "kickoff") -> PeerLearning:
    planned = schedule(series, kind, DAY)
    series.mark_meeting_held(planned.meeting_id, now=at(DAY, 13), actor="anna")
    return series


# ---- changing and holding a meeting ----------------------------------------------------


def test_a_held_meeting_is_told_it_was_held(series: PeerLearning) -> None:
    planned = schedule(series, "kickoff", DAY)
    series.mark_meeting_held(planned.meeting_id, now=at(DAY, 13), actor="anna")

    with pytest.raises(MeetingNotChangeable, match=r"^The meeting was already held\.$"):
        series.cancel_meeting(planned.meeting_id, now=NOW, actor="anna")
    with pytest.raises(MeetingNotChangeable, match=r"^The meeting is already marked as held\.$"):
        series.mark_meeting_held(planned.meeting_id, now=at(DAY, 13), actor="anna")


def test_a_cancelled_meeting_is_told_it_was_cancelled(series: PeerLearning) -> None:
    planned = schedule(series, "kickoff", DAY)
    series.cancel_meeting(planned.meeting_id, now=NOW, actor="anna")

    with pytest.raises(MeetingNotChangeable, match=r"^The meeting was cancelled\.$"):
        series.reschedule_meeting(planned.meeting_id, at(DAY, 14), at(DAY, 15), NOW, "anna")
    with pytest.raises(MeetingNotChangeable, match=r"^A cancelled meeting cannot be held\.$"):
        series.mark_meeting_held(planned.meeting_id, now=at(DAY, 13), actor="anna")


def test_a_meeting_changes_until_the_moment_it_starts(series: PeerLearning) -> None:
    planned = schedule(series, "kickoff", DAY)
    just_before = planned.starts_at - timedelta(seconds=1)

    series.reschedule_meeting(planned.meeting_id, at(DAY, 10), at(DAY, 11), just_before, "anna")
    with pytest.raises(
        MeetingNotChangeable,
        match=r"^The meeting has already started; only future meetings can change\.$",
    ):
        series.cancel_meeting(planned.meeting_id, now=planned.starts_at, actor="anna")


def test_a_meeting_not_yet_started_is_told_when_it_can_be_held(series: PeerLearning) -> None:
    planned = schedule(series, "kickoff", DAY)

    with pytest.raises(
        NotYetPossible,
        match=r"^The meeting starts at 2024-11-05T10:00:00\+01:00; "
        r"it can be marked held once it has started\.$",
    ):
        series.mark_meeting_held(planned.meeting_id, planned.starts_at - timedelta(seconds=1), "a")


@pytest.mark.parametrize("attendance", [None, 0, 100000])
def test_attendance_is_none_or_zero_to_a_hundred_thousand(
    series: PeerLearning, attendance: int | None
) -> None:
    planned = schedule(series, "kickoff", DAY)

    series.mark_meeting_held(planned.meeting_id, at(DAY, 13), "anna", attendance=attendance)

    assert series.meeting(planned.meeting_id).attendance == attendance


@pytest.mark.parametrize("attendance", [-1, 100001])
def test_attendance_outside_is_refused(series: PeerLearning, attendance: int) -> None:
    planned = schedule(series, "kickoff", DAY)

    with pytest.raises(InvalidValue, match=r"^Attendance must be a number between 0 and 100000\.$"):
        series.mark_meeting_held(planned.meeting_id, at(DAY, 13), "anna", attendance=attendance)


# ---- who was present ---------------------------------------------------------------------


def test_who_was_present_is_recorded_for_a_held_meeting_each_once_in_order(
    series: PeerLearning,
) -> None:
    held(series)
    (kickoff,) = series.meetings.values()
    eva, tom = uuid4(), uuid4()

    series.record_attendance(kickoff.meeting_id, [eva, tom, eva], actor="ben")

    assert series.meeting(kickoff.meeting_id).attendance == 2
    recorded = series.collect_events()[-1]
    assert isinstance(recorded, PeerLearning.AttendanceRecorded)
    assert (recorded.meeting_id, recorded.participants, recorded.actor) == (
        kickoff.meeting_id,
        [eva, tom],
        "ben",
    )


def test_a_later_record_of_who_was_present_corrects_the_earlier(series: PeerLearning) -> None:
    held(series)
    (kickoff,) = series.meetings.values()
    series.record_attendance(kickoff.meeting_id, [uuid4(), uuid4()], actor="anna")

    series.record_attendance(kickoff.meeting_id, [], actor="anna")

    assert series.meeting(kickoff.meeting_id).attendance == 0


def test_up_to_a_thousand_can_be_present(series: PeerLearning) -> None:
    held(series)
    (kickoff,) = series.meetings.values()
    thousand = [uuid4() for _ in range(MAX_PRESENT)]

    series.record_attendance(kickoff.meeting_id, thousand, actor="anna")

    assert series.meeting(kickoff.meeting_id).attendance == 1000
    with pytest.raises(
        InvalidValue, match=r"^At most 1000 participants can be present at a meeting\.$"
    ):
        series.record_attendance(kickoff.meeting_id, [*thousand, uuid4()], actor="anna")


def test_presence_is_recorded_only_once_a_meeting_is_held(series: PeerLearning) -> None:
    planned = schedule(series, "kickoff", DAY)

    with pytest.raises(
        NotYetPossible,
        match=r"^Attendance is recorded for a meeting once it is marked as held\.$",
    ):
        series.record_attendance(planned.meeting_id, [uuid4()], actor="anna")


# ---- the end of a series -------------------------------------------------------------


def test_the_start_date_is_fixed_once_the_kickoff_was_held() -> None:
    before = announced(starts_on=date(2024, 3, 1))
    before.revise_details({"starts_on": date(2024, 2, 1)}, actor="anna")
    running = announced(starts_on=date(2024, 3, 1))
    kickoff_held(running, date(2024, 3, 5))

    running.revise_details({"starts_on": date(2024, 3, 1), "title": "Neu"}, actor="anna")
    with pytest.raises(
        InvalidValue, match=r"^The start date cannot change after the kick-off was held\.$"
    ):
        running.revise_details({"starts_on": date(2024, 2, 1)}, actor="anna")
    assert before.details.starts_on == date(2024, 2, 1)


def test_a_series_with_a_held_meeting_is_told_to_close_instead() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    kickoff_held(series, date(2024, 3, 5))

    with pytest.raises(
        NotYetPossible,
        match=r"^A meeting was already held; close the series instead of withdrawing it\.$",
    ):
        series.withdraw(TODAY, today=TODAY, actor="anna")


def test_closing_without_a_reflection_is_told_to_hold_it() -> None:
    series = announced(starts_on=date(2024, 3, 1))
    kickoff_held(series, date(2024, 3, 5))

    with pytest.raises(NotYetPossible, match=r"^Hold the reflection before closing the series\.$"):
        series.close(TODAY, today=TODAY, actor="anna")


# ---- the order of meetings -----------------------------------------------------------


def test_the_series_has_one_kickoff_and_one_reflection(series: PeerLearning) -> None:
    schedule(series, "kickoff", DAY)
    schedule(series, "reflection", LATER)

    with pytest.raises(ScheduleConflict, match=r"^The series already has a kick-off meeting\.$"):
        series.schedule_meeting(meeting("kickoff", DAY - timedelta(days=1)), "anna")
    with pytest.raises(ScheduleConflict, match=r"^The series already has a reflection meeting\.$"):
        series.schedule_meeting(meeting("reflection", LATER + timedelta(days=1)), "anna")


def test_a_kickoff_may_start_with_no_meeting_before_it(series: PeerLearning) -> None:
    schedule(series, "exchange", DAY, 12, 13)

    with pytest.raises(
        ScheduleConflict, match=r"^The kick-off must be the earliest meeting of the series\.$"
    ):
        series.schedule_meeting(meeting("kickoff", DAY, 13, 14), "anna")
    series.schedule_meeting(meeting("kickoff", DAY, 11, 12), "anna")


def test_a_meeting_may_lie_on_the_first_and_the_last_day_of_the_series() -> None:
    series = announced(starts_on=date(2024, 10, 1), ends_on=date(2025, 8, 31))

    series.schedule_meeting(meeting("kickoff", date(2024, 10, 1)), "anna")
    series.schedule_meeting(meeting("reflection", date(2025, 8, 31)), "anna")
    with pytest.raises(
        ScheduleConflict,
        match=r"^The meeting on 2025-09-01 lies outside the series' period "
        r"2024-10-01 to 2025-08-31\.$",
    ):
        series.schedule_meeting(meeting("exchange", date(2025, 9, 1)), "anna")


def test_an_exchange_comes_before_the_reflection_and_the_reflection_after_it(
    series: PeerLearning,
) -> None:
    schedule(series, "kickoff", DAY)
    schedule(series, "exchange", DAY + timedelta(days=14))
    schedule(series, "reflection", DAY + timedelta(days=21))

    with pytest.raises(
        ScheduleConflict, match=r"^An exchange meeting must come before the reflection\.$"
    ):
        series.schedule_meeting(meeting("exchange", DAY + timedelta(days=28)), "anna")
    other = announced()
    schedule(other, "kickoff", DAY)
    schedule(other, "exchange", DAY + timedelta(days=14))
    with pytest.raises(
        ScheduleConflict, match=r"^The reflection must come after every exchange meeting\.$"
    ):
        other.schedule_meeting(meeting("reflection", DAY + timedelta(days=7)), "anna")


def test_a_meeting_ends_after_it_starts(series: PeerLearning) -> None:
    with pytest.raises(InvalidValue, match=r"^A meeting must end after it starts\.$"):
        series.schedule_meeting(meeting("kickoff", DAY, 12, 12), "anna")


@pytest.mark.parametrize("mode", ["on_site", "hybrid"])
def test_a_meeting_in_person_needs_a_location(series: PeerLearning, mode: str) -> None:
    with pytest.raises(InvalidValue, match=rf"^A meeting held {mode} needs a location\.$"):
        series.schedule_meeting(meeting("kickoff", DAY, mode=mode), "anna")
    kept = series.schedule_meeting(meeting("kickoff", DAY, mode=mode, location="Rathaus"), "a")
    assert series.meeting(kept).location == "Rathaus"
