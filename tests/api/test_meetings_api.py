"""Schedule, show, reschedule, cancel and hold meetings over HTTP."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask.testing import FlaskClient

from tests.api.client import PROBLEM, ApiClient, meeting_body
from tests.support.clock import FakeClock
from tests.support.samples import at

KICKOFF = date(2024, 10, 8)


def meetings_path(series: dict[str, Any]) -> str:
    return f"/peer-learnings/{series['id']}/meetings"


def test_schedule_answers_201_with_meeting_id_location_and_series_etag(
    team: ApiClient, client: FlaskClient, series: dict[str, Any]
) -> None:
    response = team.schedule(series["id"], "kickoff", KICKOFF, title="Auftakt")

    meeting = response.json
    assert meeting["kind"] == "kickoff" and meeting["state"] == "scheduled"
    assert meeting["starts_at"] == "2024-10-08T08:00:00+00:00"
    assert response.headers["ETag"] == '"2"'
    location = response.headers["Location"]
    assert location == f"{meetings_path(series)}/{meeting['meeting_id']}"
    assert client.get(location).json == {**meeting, "video_url": None}
    assert team.get(location).json == meeting
    detail = client.get(f"/peer-learnings/{series['id']}").json
    assert [m["meeting_id"] for m in detail["meetings"]] == [meeting["meeting_id"]]


def test_video_links_are_read_by_the_team_and_the_host_but_not_by_the_public(
    team: ApiClient, client: FlaskClient, series: dict[str, Any]
) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    path = f"{meetings_path(series)}/{meeting['meeting_id']}"
    detail = f"/peer-learnings/{series['id']}"
    link = meeting["video_url"]

    public = client.get(detail)
    old_version = client.get(f"{detail}?version=2")

    assert link and public.json["meetings"][0]["video_url"] is None
    assert client.get(path).json["video_url"] is None
    assert old_version.json["meetings"][0]["video_url"] is None
    assert team.get(detail).json["meetings"][0]["video_url"] == link
    assert team.get(path).json["video_url"] == link
    assert public.headers["ETag"] != team.get(detail).headers["ETag"]


def test_a_meeting_that_breaks_the_schedule_is_a_409(
    team: ApiClient, series: dict[str, Any]
) -> None:
    team.schedule(series["id"], "kickoff", KICKOFF)

    overlap = team.post(meetings_path(series), meeting_body("exchange", KICKOFF, 11, 13))
    outside = team.post(meetings_path(series), meeting_body("exchange", date(2026, 1, 5)))

    assert overlap.status_code == 409 and "overlaps" in overlap.json["detail"]
    assert outside.status_code == 409 and "outside the series' period" in outside.json["detail"]
    assert overlap.mimetype == PROBLEM


def test_naive_and_backwards_moments_are_422(team: ApiClient, series: dict[str, Any]) -> None:
    naive = meeting_body("kickoff", KICKOFF)
    naive["starts_at"] = "2024-10-08T10:00:00"
    backwards = meeting_body("kickoff", KICKOFF, 12, 10)
    wrong_kind = meeting_body("party", KICKOFF)

    for body, field in ((naive, "starts_at"), (backwards, "ends_at"), (wrong_kind, "kind")):
        response = team.post(meetings_path(series), body)
        assert response.status_code == 422, body
        assert field in response.json["errors"]


def test_a_meeting_of_more_than_three_days_is_422(team: ApiClient, series: dict[str, Any]) -> None:
    visit = meeting_body("kickoff", KICKOFF)
    visit["ends_at"] = at(KICKOFF + timedelta(days=3), 10).isoformat()
    assert team.post(meetings_path(series), visit).status_code == 201
    months = meeting_body("exchange", date(2024, 11, 5))
    months["ends_at"] = at(date(2025, 2, 5), 12).isoformat()

    response = team.post(meetings_path(series), months)

    assert response.status_code == 422
    assert "at most 3 days" in response.json["errors"]["ends_at"][0]


def test_reschedule_moves_a_future_meeting_and_raises_its_schedule_version(
    team: ApiClient, series: dict[str, Any]
) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    path = f"{meetings_path(series)}/{meeting['meeting_id']}"
    moved = {"starts_at": at(KICKOFF, 14).isoformat(), "ends_at": at(KICKOFF, 16).isoformat()}

    response = team.put(path, moved, headers={"If-Match": '"2"'})

    assert response.status_code == 200
    assert response.json["state"] == "rescheduled" and response.json["schedule_version"] == 2
    assert response.json["starts_at"] == "2024-10-08T12:00:00+00:00"
    assert response.headers["ETag"] == '"3"'
    assert team.put(path, moved, headers={"If-Match": '"2"'}).status_code == 412


def test_a_correction_changes_link_and_format_and_keeps_the_times(
    team: ApiClient, client: FlaskClient, series: dict[str, Any]
) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    path = f"{meetings_path(series)}/{meeting['meeting_id']}"
    changes = {"mode": "hybrid", "location": "Rathaus", "video_url": "https://v.example.org/b"}

    response = team.patch(path, changes, headers={"If-Match": '"2"'})

    assert response.status_code == 200 and response.headers["ETag"] == '"3"'
    assert {k: response.json[k] for k in changes} == changes
    assert response.json["starts_at"] == meeting["starts_at"]
    assert response.json["state"] == "scheduled" and response.json["schedule_version"] == 2
    assert team.get(path).json == response.json
    assert team.patch(path, {"title": "Neu"}, headers={"If-Match": '"2"'}).status_code == 412


def test_a_correction_says_what_to_fix(team: ApiClient, series: dict[str, Any]) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    path = f"{meetings_path(series)}/{meeting['meeting_id']}"

    empty = team.patch(path, {})
    moved = team.patch(path, {"starts_at": at(KICKOFF, 14).isoformat()})
    on_site = team.patch(path, {"mode": "on_site"})

    assert empty.status_code == 422 and "at least one of mode" in str(empty.json["errors"])
    assert moved.status_code == 422 and "starts_at" in moved.json["errors"]
    assert on_site.status_code == 422 and "needs a location" in on_site.json["detail"]
    assert on_site.mimetype == PROBLEM


def test_cancel_keeps_the_meeting_visible_as_cancelled(
    team: ApiClient, client: FlaskClient, series: dict[str, Any]
) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    path = f"{meetings_path(series)}/{meeting['meeting_id']}"

    response = team.delete(f"{path}?reason=Raum%20fehlt")

    assert response.status_code == 200 and response.json["state"] == "cancelled"
    assert client.get(path).json["state"] == "cancelled"
    assert team.delete(path).status_code == 409


def test_hold_needs_the_meeting_to_have_started(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    path = f"{meetings_path(series)}/{meeting['meeting_id']}/held"

    early = team.post(path, {"attendance": 12})
    clock.set(at(KICKOFF, 12) + timedelta(minutes=5))
    held = team.post(path, {"attendance": 12})

    assert early.status_code == 409 and "once it has started" in early.json["detail"]
    assert held.status_code == 200
    assert (held.json["state"], held.json["attendance"]) == ("held", 12)
    assert team.post(path, {"attendance": -1}).status_code == 422


def test_hold_takes_no_body_at_all(
    team: ApiClient, series: dict[str, Any], clock: FakeClock
) -> None:
    meeting = team.schedule(series["id"], "kickoff", KICKOFF).json
    clock.set(at(KICKOFF, 13))

    response = team.post(f"{meetings_path(series)}/{meeting['meeting_id']}/held")

    assert response.status_code == 200 and response.json["attendance"] is None


def test_unknown_meetings_and_series_are_404(team: ApiClient, series: dict[str, Any]) -> None:
    unknown = "00000000-0000-4000-8000-000000000001"
    moved = {"starts_at": at(KICKOFF, 14).isoformat(), "ends_at": at(KICKOFF, 16).isoformat()}

    assert team.get(f"{meetings_path(series)}/{unknown}").status_code == 404
    assert team.put(f"{meetings_path(series)}/{unknown}", moved).status_code == 404
    assert team.delete(f"{meetings_path(series)}/{unknown}").status_code == 404
    assert team.post(f"{meetings_path(series)}/{unknown}/held").status_code == 404
    other = f"/peer-learnings/{unknown}/meetings"
    assert team.post(other, meeting_body("kickoff", KICKOFF)).status_code == 404


def test_meeting_writes_need_the_team(client: FlaskClient, series: dict[str, Any]) -> None:
    anonymous = ApiClient(client, None)

    response = anonymous.post(meetings_path(series), meeting_body("kickoff", KICKOFF))

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
