"""A day of the calendar shows the whole state of that day, over HTTP on both stores.

The clock is fixed and moved by hand; meetings are held on their days. Facts without a
programme day of their own (an enrolment admitted, joining closed, a meeting moved) hold
from the day they were recorded: events carry the real moment of their recording, so the
test asks for days before the meetings and for a day on or after every recording.
"""

from __future__ import annotations

from datetime import UTC, date, timedelta
from typing import Any

from tests.api.client import ApiClient
from tests.support.clock import FakeClock, recorded_by_now
from tests.support.samples import at

KICKOFF = date(2024, 10, 8)
EXCHANGE = date(2024, 11, 5)


def iso(day: date, hour: int) -> str:
    """A moment as the API writes it: in UTC."""
    return at(day, hour).astimezone(UTC).isoformat()


PERSON = {"name": "Jonas Beispiel", "email": "jonas@arnsberg.example", "locale": "de"}


def day_of(team: ApiClient, series: dict[str, Any], day: date) -> dict[str, Any]:
    detail = team.get(f"/peer-learnings/{series['id']}?on={day.isoformat()}").json
    items = team.get(f"/peer-learnings?on={day.isoformat()}&per_page=100").json["items"]
    [item] = [i for i in items if i["id"] == series["id"]]
    shared = set(item) - {"meetings"}
    assert {k: item[k] for k in shared} == {k: detail[k] for k in shared}, day
    return detail  # type: ignore[no-any-return]


def held_over_time(team: ApiClient, series: dict[str, Any], clock: FakeClock) -> list[str]:
    ids = [
        team.schedule(series["id"], kind, day).json["meeting_id"]
        for kind, day in (("kickoff", KICKOFF), ("exchange", EXCHANGE))
    ]
    for meeting_id, day in zip(ids, (KICKOFF, EXCHANGE), strict=True):
        clock.set(at(day, 13))
        held = team.post(f"/peer-learnings/{series['id']}/meetings/{meeting_id}/held")
        assert held.status_code == 200, held.json
    return ids


def test_meetings_count_and_show_as_held_from_the_day_they_were_held(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    kickoff, exchange = held_over_time(team, series, clock)
    on = {day: day_of(team, series, day) for day in (KICKOFF, EXCHANGE)}
    on |= {day - timedelta(days=1): day_of(team, series, day - timedelta(days=1)) for day in on}

    before = on[KICKOFF - timedelta(days=1)]
    assert [m["state"] for m in before["meetings"]] == ["scheduled", "scheduled"]
    assert (before["meetings_held"], before["status"], before["kickoff_held_on"]) == (
        0,
        "running",
        None,
    )
    assert before["next_meeting"] == iso(KICKOFF, 10)
    first = on[KICKOFF]
    assert [m["state"] for m in first["meetings"]] == ["held", "scheduled"]
    assert (first["meetings_held"], first["kickoff_held_on"]) == (1, KICKOFF.isoformat())
    assert on[EXCHANGE - timedelta(days=1)]["next_meeting"] == iso(EXCHANGE, 10)
    assert on[EXCHANGE]["meetings_held"] == 2
    assert [m["meeting_id"] for m in on[EXCHANGE]["meetings"]] == [kickoff, exchange]
    today = team.get(f"/peer-learnings/{series['id']}").json
    assert today["meetings_held"] == 2 and today["status"] == "running"


def test_a_new_series_shows_new_before_its_start_with_nothing_held(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    held_over_time(team, series, clock)
    early = day_of(team, series, date(2024, 9, 20))
    assert (early["status"], early["meetings_held"], early["joining_open"]) == ("new", 0, True)
    assert early["next_meeting"] == iso(KICKOFF, 10)


def test_seats_participants_and_joining_hold_from_the_day_they_were_recorded(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    enrollment = team.enrol(series["id"]).json
    team.enrol(series["id"], "Stadt Soest")
    joined = team.post(f"/enrollments/{enrollment['id']}/participants", PERSON)
    assert joined.status_code == 201, joined.json
    assert team.post(f"/peer-learnings/{series['id']}/joining", {"open": False}).status_code == 200
    recorded = recorded_by_now()

    then = day_of(team, series, recorded)
    assert (then["municipalities"], then["participants"], then["joining_open"]) == (2, 1, False)
    # the participants joined on the clock's day; the seats were taken when recorded
    earlier = day_of(team, series, recorded - timedelta(days=1))
    assert (earlier["municipalities"], earlier["participants"]) == (0, 0)
    assert earlier["joining_open"] is True
    now = team.get(f"/peer-learnings/{series['id']}").json
    assert (now["municipalities"], now["participants"], now["joining_open"]) == (2, 1, False)


def test_a_move_shows_from_the_day_it_was_recorded(team: ApiClient, series: dict[str, Any]) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    path = f"/peer-learnings/{series['id']}/meetings/{meeting['meeting_id']}"
    moved = {"starts_at": iso(KICKOFF, 14), "ends_at": iso(KICKOFF, 16)}
    assert team.put(path, moved, headers={"If-Match": '"2"'}).status_code == 200
    recorded = recorded_by_now()

    [then] = day_of(team, series, recorded)["meetings"]
    assert (then["state"], then["starts_at"], then["schedule_version"]) == (
        "rescheduled",
        iso(KICKOFF, 14),
        2,
    )
    [before] = day_of(team, series, recorded - timedelta(days=1))["meetings"]
    assert (before["state"], before["starts_at"], before["schedule_version"]) == (
        "scheduled",
        iso(KICKOFF, 10),
        1,
    )


def test_the_end_shows_from_its_effective_day_and_calls_off_what_came_after(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    kickoff, exchange = held_over_time(team, series, clock)
    later = team.schedule(series["id"], "exchange", date(2024, 12, 3)).json["meeting_id"]
    clock.set(at(date(2024, 11, 20), 9))
    team.post(f"/peer-learnings/{series['id']}/reflection", {"held_on": "2024-11-05"})
    closing = team.post(f"/peer-learnings/{series['id']}/close", {"effective_on": "2024-11-10"})
    assert closing.status_code == 200, closing.json

    open_still = day_of(team, series, date(2024, 11, 9))
    assert (open_still["status"], open_still["closed_on"]) == ("running", None)
    assert open_still["next_meeting"] == iso(date(2024, 12, 3), 10)
    closed = day_of(team, series, date(2024, 11, 10))
    assert (closed["status"], closed["closed_on"], closed["joining_open"]) == (
        "closed",
        "2024-11-10",
        False,
    )
    states = {m["meeting_id"]: m["state"] for m in closed["meetings"]}
    assert states == {kickoff: "held", exchange: "held", later: "cancelled"}
    assert closed["next_meeting"] is None and closed["meetings_scheduled"] == 2


def test_the_series_feed_of_a_day_shows_a_meeting_cancelled_later_as_confirmed(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    kickoff = team.schedule(series["id"], "kickoff", KICKOFF).json["meeting_id"]
    exchange = team.schedule(series["id"], "exchange", EXCHANGE).json["meeting_id"]
    cancelled = team.delete(f"/peer-learnings/{series['id']}/meetings/{exchange}")
    assert cancelled.status_code == 200, cancelled.json
    feed = f"/peer-learnings/{series['id']}/calendar.ics"

    def statuses(query: str) -> dict[str, str]:
        body = team.get(feed + query).get_data(as_text=True)
        events = body.split("BEGIN:VEVENT")[1:]
        return {
            meeting: next(
                line.split(":", 1)[1].strip()
                for line in event.splitlines()
                if line.startswith("STATUS:")
            )
            for meeting in (kickoff, exchange)
            for event in events
            if meeting.replace("-", "") in event.replace("-", "")
        }

    assert statuses("") == {kickoff: "CONFIRMED", exchange: "CANCELLED"}
    assert statuses(f"?on={(KICKOFF - timedelta(days=1)).isoformat()}") == {
        kickoff: "CONFIRMED",
        exchange: "CONFIRMED",
    }
    assert statuses(f"?on={recorded_by_now().isoformat()}")[exchange] == "CANCELLED"
    assert team.get(feed + "?on=2024-13-01").status_code == 422
