"""Reflection, closing, withdrawing and opening or closing enrolment over HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask.testing import FlaskClient
from icalendar import Calendar

from calendars.ics import meeting_uid
from tests.api.client import ApiClient, enrol_body
from tests.support.clock import FakeClock
from tests.support.samples import at

KICKOFF_DAY = date(2024, 10, 8)


def path(series: dict[str, Any], action: str) -> str:
    return f"/peer-learnings/{series['id']}/{action}"


def hold_kickoff(team: ApiClient, series: dict[str, Any], clock: FakeClock) -> str:
    """Schedules the kick-off on KICKOFF_DAY, lets it happen and marks it held."""
    kickoff = team.schedule(series["id"], "kickoff", KICKOFF_DAY).json["meeting_id"]
    clock.set(at(KICKOFF_DAY, 13))
    held = team.post(f"/peer-learnings/{series['id']}/meetings/{kickoff}/held")
    assert held.status_code == 200, held.json
    return str(kickoff)


def meeting_states(team: ApiClient, series: dict[str, Any]) -> dict[str, str]:
    detail = team.get(f"/peer-learnings/{series['id']}").json
    return {m["meeting_id"]: m["state"] for m in detail["meetings"]}


def test_reflection_then_close_ends_the_series(
    team: ApiClient, client: FlaskClient, series: dict[str, Any], clock: FakeClock
) -> None:
    hold_kickoff(team, series, clock)
    clock.set(datetime(2025, 6, 2, 9, tzinfo=UTC))

    reflection = team.post(path(series, "reflection"), {"held_on": "2025-05-30", "notes": "gut"})
    closing = team.post(path(series, "close"), headers={"If-Match": '"4"'})

    assert reflection.status_code == 200
    assert reflection.json["reflection_held_on"] == "2025-05-30"
    assert closing.status_code == 200, closing.json
    assert (closing.json["status"], closing.json["closed_on"]) == ("closed", "2025-06-02")
    assert closing.headers["ETag"] == '"5"'
    listed = client.get("/peer-learnings?status=closed").json["items"]
    assert [item["id"] for item in listed] == [series["id"]]


def test_the_order_of_the_end_is_enforced(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    no_kickoff = team.post(path(series, "reflection"))
    not_opened = team.post(path(series, "close"))
    hold_kickoff(team, series, clock)
    clock.set(datetime(2025, 6, 2, 9, tzinfo=UTC))
    not_reflected = team.post(path(series, "close"))
    future = team.post(path(series, "reflection"), {"held_on": "2025-06-03"})

    assert no_kickoff.status_code == 409
    assert "A reflection needs the kick-off held" in no_kickoff.json["detail"]
    assert not_opened.status_code == 409
    assert "Closing the series needs the kick-off held" in not_opened.json["detail"]
    assert not_reflected.status_code == 409
    assert "Hold the reflection" in not_reflected.json["detail"]
    assert future.status_code == 422 and "lies in the future" in future.json["detail"]


def test_a_reflection_is_dated_within_the_series(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    hold_kickoff(team, series, clock)
    before_start = team.post(path(series, "reflection"), {"held_on": "2024-09-30"})
    before_kickoff = team.post(path(series, "reflection"), {"held_on": "2024-10-07"})
    on_the_kickoff = team.post(path(series, "reflection"), {"held_on": "2024-10-08"})

    assert before_start.status_code == 422
    assert "before the series started on 2024-10-01" in before_start.json["detail"]
    assert before_kickoff.status_code == 422
    assert "before the kick-off, held on 2024-10-08" in before_kickoff.json["detail"]
    assert on_the_kickoff.status_code == 200
    assert on_the_kickoff.json["reflection_held_on"] == "2024-10-08"


def test_closing_cancels_the_meetings_planned_after_its_day(
    team: ApiClient, client: FlaskClient, series: dict[str, Any], clock: FakeClock
) -> None:
    kickoff = hold_kickoff(team, series, clock)
    later = [
        team.schedule(series["id"], "exchange", day).json["meeting_id"]
        for day in (date(2024, 11, 5), date(2024, 12, 3))
    ]
    clock.set(at(date(2024, 10, 20), 9))
    team.post(path(series, "reflection"), {"held_on": "2024-10-15"})

    closing = team.post(path(series, "close"), {"effective_on": "2024-10-16"})

    assert closing.status_code == 200, closing.json
    states = meeting_states(team, series)
    assert states == {kickoff: "held", later[0]: "cancelled", later[1]: "cancelled"}
    stream = team.get(f"/audit/streams/{series['id']}").json["items"]
    ending = [(e["event_type"], e["data"].get("reason"), e["actor"]) for e in stream[-3:]]
    actor = ending[-1][2]
    assert ending == [
        ("MeetingCancelled", "Peer-Learning geschlossen", actor),
        ("MeetingCancelled", "Peer-Learning geschlossen", actor),
        ("Closed", None, actor),
    ]
    feed = Calendar.from_ical(client.get(path(series, "calendar.ics")).data)
    status = {str(e["UID"]): str(e["STATUS"]) for e in feed.walk("VEVENT")}
    assert {status[meeting_uid(m)] for m in later} == {"CANCELLED"}
    assert status[meeting_uid(kickoff)] == "CONFIRMED"


def test_withdrawing_cancels_the_meetings_planned_after_its_day(
    team: ApiClient, client: FlaskClient, series: dict[str, Any]
) -> None:
    planned = team.schedule(series["id"], "kickoff", KICKOFF_DAY).json["meeting_id"]

    withdrawal = team.post(path(series, "withdraw"), {"reason": "Zu wenig Anmeldungen"})

    assert withdrawal.status_code == 200, withdrawal.json
    assert meeting_states(team, series) == {planned: "cancelled"}
    stream = team.get(f"/audit/streams/{series['id']}").json["items"]
    cancelled, withdrawn = stream[-2:]
    assert (cancelled["event_type"], withdrawn["event_type"]) == ("MeetingCancelled", "Withdrawn")
    assert cancelled["actor"] == withdrawn["actor"] and cancelled["actor"]
    assert cancelled["data"]["meeting_id"] == planned
    assert cancelled["data"]["reason"] == "Zu wenig Anmeldungen"
    feed = Calendar.from_ical(client.get(path(series, "calendar.ics")).data)
    [event] = feed.walk("VEVENT")
    assert (str(event["UID"]), str(event["STATUS"])) == (meeting_uid(planned), "CANCELLED")


def test_a_closed_series_refuses_every_change(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    hold_kickoff(team, series, clock)
    clock.set(datetime(2025, 6, 2, 9, tzinfo=UTC))
    team.post(path(series, "reflection"))
    team.post(path(series, "close"))

    revised = team.patch(f"/peer-learnings/{series['id']}", {"capacity": 3})
    enrolled = team.post(path(series, "enrollments"), enrol_body())

    assert revised.status_code == 409 and "closed on 2025-06-02" in revised.json["detail"]
    assert enrolled.status_code == 409


def test_withdraw_takes_an_optional_day_and_reason(team: ApiClient, series: dict[str, Any]) -> None:
    response = team.post(path(series, "withdraw"), {"effective_on": "2024-09-19", "reason": "x"})

    assert response.status_code == 200
    assert (response.json["status"], response.json["withdrawn_on"]) == ("withdrawn", "2024-09-19")
    assert response.json["joining_open"] is False


def test_a_series_that_held_a_meeting_cannot_be_withdrawn(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    kickoff = team.schedule(series["id"], "kickoff", date(2024, 10, 8)).json
    clock.set(at(date(2024, 10, 8), 13))
    team.post(f"/peer-learnings/{series['id']}/meetings/{kickoff['meeting_id']}/held")

    response = team.post(path(series, "withdraw"))

    assert response.status_code == 409 and "close the series instead" in response.json["detail"]


def test_withdraw_refuses_a_future_day_and_a_stale_version(
    team: ApiClient, series: dict[str, Any]
) -> None:
    future = team.post(path(series, "withdraw"), {"effective_on": "2024-12-24"})
    stale = team.post(path(series, "withdraw"), headers={"If-Match": '"7"'})

    assert future.status_code == 422
    assert stale.status_code == 412


def test_closing_joining_refuses_enrolments_with_the_reason(
    team: ApiClient, series: dict[str, Any]
) -> None:
    closed = team.post(path(series, "joining"), {"open": False})
    refused = team.post(path(series, "enrollments"), enrol_body())
    reopened = team.post(path(series, "joining"), {"open": True})

    assert closed.status_code == 200 and closed.json["joining_open"] is False
    assert refused.status_code == 409 and "not possible" in refused.json["detail"]
    assert reopened.json["joining_open"] is True
    assert team.post(path(series, "enrollments"), enrol_body()).status_code == 201


def test_joining_needs_a_boolean(team: ApiClient, series: dict[str, Any]) -> None:
    assert team.post(path(series, "joining"), {}).status_code == 422
    assert team.post(path(series, "joining"), {"open": "vielleicht"}).status_code == 422


def test_lifecycle_writes_on_an_unknown_series_are_404(team: ApiClient) -> None:
    unknown = {"id": "00000000-0000-4000-8000-000000000002"}

    for action, body in (
        ("reflection", None),
        ("close", None),
        ("withdraw", None),
        ("joining", {"open": True}),
    ):
        assert team.post(path(unknown, action), body).status_code == 404, action


def test_lifecycle_writes_need_the_team_role(auditor: ApiClient, series: dict[str, Any]) -> None:
    for action in ("reflection", "close", "withdraw", "joining"):
        response = auditor.post(path(series, action), {"open": True})
        assert response.status_code == 403, action
