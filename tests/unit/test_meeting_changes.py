"""Only future, open meetings change; a meeting is held once it has started."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest

from domain.errors import (
    InvalidValue,
    MeetingNotChangeable,
    MeetingNotFound,
    NotYetPossible,
    ScheduleConflict,
)
from domain.peer_learning import PeerLearning
from domain.values import MeetingState
from tests.support.samples import at
from tests.unit.builders import NOW, announced, schedule

DAY = date(2024, 11, 5)


@pytest.fixture
def series() -> PeerLearning:
    return announced()


def test_a_future_meeting_can_be_rescheduled(series: PeerLearning) -> None:
    planned = schedule(series, "exchange", DAY)
    series.reschedule_meeting(planned.meeting_id, at(DAY, 14), at(DAY, 16), now=NOW, actor="a")
    moved = series.meeting(planned.meeting_id)
    assert (moved.starts_at, moved.state, moved.schedule_version) == (
        at(DAY, 14),
        MeetingState.RESCHEDULED,
        2,
    )


def test_a_rescheduled_meeting_still_follows_the_rules(series: PeerLearning) -> None:
    schedule(series, "exchange", DAY, 10, 12)
    other = schedule(series, "exchange", DAY, 14, 16)
    with pytest.raises(ScheduleConflict, match="overlaps the exchange meeting"):
        series.reschedule_meeting(other.meeting_id, at(DAY, 11), at(DAY, 13), now=NOW, actor="a")
    with pytest.raises(InvalidValue, match="must end after it starts"):
        series.reschedule_meeting(other.meeting_id, at(DAY, 16), at(DAY, 15), now=NOW, actor="a")


def test_a_started_meeting_can_be_neither_rescheduled_nor_cancelled(series: PeerLearning) -> None:
    planned = schedule(series, "exchange", DAY)
    started = planned.starts_at
    with pytest.raises(MeetingNotChangeable, match="already started; only future meetings"):
        series.reschedule_meeting(planned.meeting_id, at(DAY, 14), at(DAY, 15), started, "a")
    with pytest.raises(MeetingNotChangeable, match="already started; only future meetings"):
        series.cancel_meeting(planned.meeting_id, now=started + timedelta(days=1), actor="a")


def test_a_cancelled_meeting_is_not_changed_again(series: PeerLearning) -> None:
    planned = schedule(series, "exchange", DAY)
    series.cancel_meeting(planned.meeting_id, now=NOW, actor="anna", reason="Krankheit")
    assert series.meeting(planned.meeting_id).state == MeetingState.CANCELLED
    with pytest.raises(MeetingNotChangeable, match="was cancelled"):
        series.cancel_meeting(planned.meeting_id, now=NOW, actor="anna")
    with pytest.raises(MeetingNotChangeable, match="was cancelled"):
        series.reschedule_meeting(planned.meeting_id, at(DAY, 14), at(DAY, 15), NOW, "anna")
    with pytest.raises(MeetingNotChangeable, match="cancelled meeting cannot be held"):
        series.mark_meeting_held(planned.meeting_id, now=at(DAY, 13), actor="anna")


def test_a_meeting_is_held_only_once_it_has_started(series: PeerLearning) -> None:
    planned = schedule(series, "exchange", DAY)
    with pytest.raises(NotYetPossible, match="can be marked held once it has started"):
        series.mark_meeting_held(planned.meeting_id, now=NOW, actor="anna")
    series.mark_meeting_held(planned.meeting_id, now=planned.starts_at, actor="a", attendance=12)
    held = series.meeting(planned.meeting_id)
    assert (held.state, held.attendance) == (MeetingState.HELD, 12)


def test_a_held_meeting_does_not_change(series: PeerLearning) -> None:
    planned = schedule(series, "exchange", DAY)
    after = at(DAY, 13)
    series.mark_meeting_held(planned.meeting_id, now=after, actor="anna")
    with pytest.raises(MeetingNotChangeable, match="already marked as held"):
        series.mark_meeting_held(planned.meeting_id, now=after, actor="anna")
    with pytest.raises(MeetingNotChangeable, match="was already held"):
        series.cancel_meeting(planned.meeting_id, now=NOW, actor="anna")


def test_attendance_is_a_sensible_number(series: PeerLearning) -> None:
    planned = schedule(series, "exchange", DAY)
    with pytest.raises(InvalidValue, match="Attendance must be a number between 0"):
        series.mark_meeting_held(planned.meeting_id, at(DAY, 13), actor="anna", attendance=-1)


def test_an_unknown_meeting_is_named(series: PeerLearning) -> None:
    missing = uuid4()
    with pytest.raises(MeetingNotFound, match=f"No meeting with id {missing}"):
        series.cancel_meeting(missing, now=NOW, actor="anna")


def test_a_correction_changes_the_texts_and_format_but_not_the_times(
    series: PeerLearning,
) -> None:
    planned = schedule(series, "exchange", DAY)
    changes = {"mode": "on_site", "location": "Rathaus, Saal 2", "video_url": None}

    series.correct_meeting(planned.meeting_id, changes, now=NOW, actor="a")

    corrected = series.meeting(planned.meeting_id)
    assert (corrected.mode, corrected.location, corrected.video_url) == (
        "on_site",
        "Rathaus, Saal 2",
        None,
    )
    assert (corrected.starts_at, corrected.state) == (planned.starts_at, planned.state)
    assert corrected.schedule_version == planned.schedule_version + 1


def test_a_correction_that_changes_nothing_records_nothing(series: PeerLearning) -> None:
    planned = schedule(series, "exchange", DAY)
    version = series.version

    series.correct_meeting(planned.meeting_id, {"mode": planned.mode}, now=NOW, actor="a")

    assert series.version == version


@pytest.mark.parametrize(
    "changes",
    [
        {"mode": "on_site"},  # on site needs a location
        {"mode": "party"},
        {"title": "zwei\nZeilen"},
        {"video_url": "javascript:alert(1)"},
        {"starts_at": at(DAY, 14)},
    ],
)
def test_a_correction_is_checked_like_a_new_meeting(
    series: PeerLearning, changes: dict[str, object]
) -> None:
    planned = schedule(series, "exchange", DAY)

    with pytest.raises(InvalidValue):
        series.correct_meeting(planned.meeting_id, changes, now=NOW, actor="a")


def test_a_started_or_cancelled_meeting_cannot_be_corrected(series: PeerLearning) -> None:
    started = schedule(series, "exchange", DAY)
    called_off = schedule(series, "exchange", DAY + timedelta(days=7))
    series.cancel_meeting(called_off.meeting_id, now=NOW, actor="a")

    with pytest.raises(MeetingNotChangeable, match="already started"):
        series.correct_meeting(started.meeting_id, {"title": "Neu"}, started.starts_at, "a")
    with pytest.raises(MeetingNotChangeable, match="was cancelled"):
        series.correct_meeting(called_off.meeting_id, {"title": "Neu"}, now=NOW, actor="a")
