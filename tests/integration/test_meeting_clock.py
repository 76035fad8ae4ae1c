"""The injected clock decides which meetings have started, and today's date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from application.app import PeerLearningApp
from domain.errors import InvalidValue, MeetingNotChangeable, NotYetPossible
from domain.values import MeetingState
from tests.support.clock import FakeClock
from tests.support.samples import announce, at, schedule

DAY = date(2024, 11, 5)


def test_a_meeting_is_held_once_the_clock_passes_its_start(
    app: PeerLearningApp, clock: FakeClock
) -> None:
    series_id = announce(app)
    meeting_id = schedule(app, series_id, "exchange", DAY)
    clock.set(at(DAY, 10) - timedelta(seconds=1))
    with pytest.raises(NotYetPossible, match="can be marked held once it has started"):
        app.mark_meeting_held(series_id, meeting_id, actor="anna")
    clock.advance(timedelta(seconds=1))
    with pytest.raises(MeetingNotChangeable, match="already started; only future meetings"):
        app.cancel_meeting(series_id, meeting_id, actor="anna")
    app.mark_meeting_held(series_id, meeting_id, actor="anna")
    assert app.series(series_id).meeting(meeting_id).state == MeetingState.HELD


def test_past_meetings_are_recorded_as_history(app: PeerLearningApp, clock: FakeClock) -> None:
    series_id = announce(app, starts_on=date(2024, 3, 1))
    kickoff = schedule(app, series_id, "kickoff", date(2024, 3, 5))
    app.mark_meeting_held(series_id, kickoff, actor="anna", attendance=9)
    assert app.series(series_id).kickoff_held_on == date(2024, 3, 5)


def test_effective_dates_default_to_the_clocks_day_in_berlin(
    app: PeerLearningApp, clock: FakeClock
) -> None:
    series_id = announce(app)
    clock.set(datetime(2024, 9, 20, 22, 30, tzinfo=UTC))
    with pytest.raises(InvalidValue, match="withdrawal date 2024-09-22 lies in the future"):
        app.withdraw_series(series_id, actor="anna", effective_on=date(2024, 9, 22))
    app.withdraw_series(series_id, actor="anna")
    assert app.series(series_id).withdrawn_on == date(2024, 9, 21)
