"""Meeting kinds, their order, their shape and the series' period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from domain.errors import InvalidValue, ScheduleConflict, SeriesClosed
from domain.peer_learning import PeerLearning
from domain.values import MeetingKind
from tests.unit.builders import NOW, TODAY, announced, meeting, schedule

KICKOFF_DAY = date(2024, 10, 2)


@pytest.fixture
def series() -> PeerLearning:
    return announced()


def test_a_series_has_one_kickoff(series: PeerLearning) -> None:
    schedule(series, "kickoff", KICKOFF_DAY)
    with pytest.raises(ScheduleConflict, match="already has a kick-off"):
        schedule(series, "kickoff", date(2024, 10, 9))


def test_the_kickoff_is_the_earliest_meeting(series: PeerLearning) -> None:
    schedule(series, "exchange", date(2024, 11, 5))
    with pytest.raises(ScheduleConflict, match="kick-off must be the earliest"):
        schedule(series, "kickoff", date(2024, 11, 12))
    assert schedule(series, "kickoff", KICKOFF_DAY).kind == MeetingKind.KICKOFF


@pytest.mark.parametrize("kind", ["an exchange", "a reflection"])
def test_every_other_meeting_comes_after_the_kickoff(series: PeerLearning, kind: str) -> None:
    schedule(series, "kickoff", date(2024, 10, 9))
    article, kind = kind.split()
    with pytest.raises(ScheduleConflict, match=f"^{article.title()} {kind} meeting must come"):
        schedule(series, kind, KICKOFF_DAY)


def test_the_reflection_comes_after_every_exchange(series: PeerLearning) -> None:
    schedule(series, "exchange", date(2025, 3, 4))
    with pytest.raises(ScheduleConflict, match="after every exchange"):
        schedule(series, "reflection", date(2025, 3, 3))
    schedule(series, "reflection", date(2025, 6, 3))
    with pytest.raises(ScheduleConflict, match="before the reflection"):
        schedule(series, "exchange", date(2025, 7, 1))


def test_a_series_has_one_reflection(series: PeerLearning) -> None:
    schedule(series, "reflection", date(2025, 6, 3))
    with pytest.raises(ScheduleConflict, match="already has a reflection"):
        schedule(series, "reflection", date(2025, 6, 10))


def test_meetings_of_one_series_do_not_overlap(series: PeerLearning) -> None:
    schedule(series, "exchange", date(2024, 11, 5), 10, 12)
    with pytest.raises(ScheduleConflict, match="overlaps the exchange meeting"):
        schedule(series, "exchange", date(2024, 11, 5), 11, 13)
    schedule(series, "exchange", date(2024, 11, 5), 12, 13)


def test_a_cancelled_meeting_frees_its_slot(series: PeerLearning) -> None:
    first = schedule(series, "exchange", date(2024, 11, 5))
    series.cancel_meeting(first.meeting_id, now=NOW, actor="anna")
    assert schedule(series, "exchange", date(2024, 11, 5)).starts_at == first.starts_at


def test_a_meeting_lies_inside_a_period_with_an_end(series: PeerLearning) -> None:
    with pytest.raises(ScheduleConflict, match="outside the series' period 2024-10-01 to 2025-08"):
        schedule(series, "exchange", date(2025, 9, 1))
    with pytest.raises(ScheduleConflict, match="outside the series' period"):
        schedule(series, "kickoff", date(2024, 9, 30))


def test_a_series_without_end_takes_meetings_any_time() -> None:
    open_ended = announced(title="Smart Cities: Schule", ends_on=None)
    assert schedule(open_ended, "kickoff", date(2024, 9, 1)).kind == "kickoff"
    assert schedule(open_ended, "exchange", date(2031, 1, 7)).kind == "exchange"


def test_a_meeting_ends_after_it_starts(series: PeerLearning) -> None:
    with pytest.raises(InvalidValue, match="must end after it starts"):
        schedule(series, "exchange", date(2024, 11, 5), 12, 12)
    with pytest.raises(InvalidValue, match="must end after it starts"):
        schedule(series, "exchange", date(2024, 11, 5), 12, 10)


def test_a_meeting_lasts_at_most_three_days(series: PeerLearning) -> None:
    three_days = meeting("exchange", date(2024, 11, 5))
    three_days = replace(three_days, ends_at=three_days.starts_at + timedelta(days=3))
    series.schedule_meeting(three_days, actor="anna")
    months = meeting("exchange", date(2024, 11, 12))
    months = replace(months, ends_at=months.starts_at + timedelta(days=90))
    with pytest.raises(InvalidValue, match="at most 3 days; this one would last 2160 hours"):
        series.schedule_meeting(months, actor="anna")
    longer = three_days.starts_at, three_days.ends_at + timedelta(minutes=1)
    with pytest.raises(InvalidValue, match="at most 3 days"):
        series.reschedule_meeting(three_days.meeting_id, *longer, now=NOW, actor="anna")


def test_meeting_times_carry_a_time_zone(series: PeerLearning) -> None:
    aware = meeting("exchange", date(2024, 11, 5))
    naive = replace(aware, starts_at=aware.starts_at.replace(tzinfo=None))
    with pytest.raises(InvalidValue, match="Meeting start must carry a time zone"):
        series.schedule_meeting(naive, actor="anna")
    naive_end = replace(aware, ends_at=aware.ends_at.replace(tzinfo=None))
    with pytest.raises(InvalidValue, match="Meeting end must carry a time zone"):
        series.schedule_meeting(naive_end, actor="anna")


def test_an_on_site_meeting_needs_a_location(series: PeerLearning) -> None:
    on_site = meeting("exchange", date(2024, 11, 5), mode="on_site")
    with pytest.raises(InvalidValue, match="held on_site needs a location"):
        series.schedule_meeting(on_site, actor="anna")
    placed = replace(on_site, location="Rathaus Wuppertal")
    series.schedule_meeting(placed, actor="anna")
    assert series.meeting(placed.meeting_id).location == "Rathaus Wuppertal"


def test_a_virtual_meeting_needs_no_place_and_may_carry_a_video_url(series: PeerLearning) -> None:
    online = meeting("exchange", date(2024, 11, 5), video_url="https://video.example.org/r")
    series.schedule_meeting(online, actor="anna")
    assert series.meeting(online.meeting_id).video_url == "https://video.example.org/r"


def test_unknown_kind_and_mode_are_refused(series: PeerLearning) -> None:
    with pytest.raises(InvalidValue, match="Meeting kind 'workshop' is not one of"):
        series.schedule_meeting(meeting("workshop", date(2024, 11, 5)), actor="anna")
    with pytest.raises(InvalidValue, match="Meeting mode 'phone' is not one of"):
        series.schedule_meeting(meeting("exchange", date(2024, 11, 5), mode="phone"), actor="a")


def test_past_meetings_can_be_recorded_as_history() -> None:
    running = announced(starts_on=date(2024, 3, 1))
    past = schedule(running, "kickoff", date(2024, 3, 5))
    assert past.starts_at.date() < TODAY


def test_a_closed_series_takes_no_meetings(series: PeerLearning) -> None:
    series.withdraw(TODAY, today=TODAY, actor="anna")
    with pytest.raises(SeriesClosed, match="withdrawn on 2024-09-20 and refuses every change"):
        schedule(series, "exchange", date(2024, 11, 5))
