"""Reflection, closing, withdrawing and opening or closing enrolment over HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from flask.testing import FlaskClient

from tests.api.client import ApiClient, enrol_body
from tests.support.clock import FakeClock
from tests.support.samples import at


def path(series: dict[str, Any], action: str) -> str:
    return f"/peer-learnings/{series['id']}/{action}"


def test_reflection_then_close_ends_the_series(
    team: ApiClient, client: FlaskClient, series: dict[str, Any], clock: FakeClock
) -> None:
    clock.set(datetime(2025, 6, 2, 9, tzinfo=UTC))

    reflection = team.post(path(series, "reflection"), {"held_on": "2025-05-30", "notes": "gut"})
    closing = team.post(path(series, "close"), headers={"If-Match": '"2"'})

    assert reflection.status_code == 200
    assert reflection.json["reflection_held_on"] == "2025-05-30"
    assert closing.status_code == 200, closing.json
    assert (closing.json["status"], closing.json["closed_on"]) == ("closed", "2025-06-02")
    assert closing.headers["ETag"] == '"3"'
    listed = client.get("/peer-learnings?status=closed").json["items"]
    assert [item["id"] for item in listed] == [series["id"]]


def test_the_order_of_the_end_is_enforced(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    too_early = team.post(path(series, "reflection"))
    clock.set(datetime(2025, 6, 2, 9, tzinfo=UTC))
    not_reflected = team.post(path(series, "close"))
    future = team.post(path(series, "reflection"), {"held_on": "2025-06-03"})

    assert too_early.status_code == 409 and "before the series started" in too_early.json["detail"]
    assert not_reflected.status_code == 409
    assert "Hold the reflection" in not_reflected.json["detail"]
    assert future.status_code == 422 and "lies in the future" in future.json["detail"]


def test_a_closed_series_refuses_every_change(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
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
