# mypy: disable-error-code="index"
"""Attendance per held meeting, its corrections, and the roster of a meeting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from flask.testing import FlaskClient

from domain.peer_learning import PeerLearning
from peerlearning.bootstrap import Services
from tests.api.client import ApiClient
from tests.api.participation_history import History, build_history
from tests.support.clock import FakeClock


def meeting(client: FlaskClient, history: History, name: str) -> dict[str, Any]:
    path = f"/peer-learnings/{history.series_id}/meetings/{history.meetings[name]}"
    return client.get(path).json  # type: ignore[no-any-return]


def test_each_record_is_an_event_with_its_actor_and_the_last_one_counts(
    team: ApiClient, client: FlaskClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)

    events = services.app.repository.event_store.get(UUID(history.series_id))
    records = [e for e in events if isinstance(e, PeerLearning.AttendanceRecorded)]
    people = history.people
    assert [(e.actor, [str(p) for p in e.participants]) for e in records] == [
        ("anna", [people["Anna"], people["Otto"]]),
        ("anna", [people["Anna"], people["Arne"]]),
    ]
    assert meeting(client, history, "kickoff")["attendance"] == 2
    detail = client.get(f"/peer-learnings/{history.series_id}").json
    kickoff = next(m for m in detail["meetings"] if m["kind"] == "kickoff")
    assert kickoff["attendance"] == 2


def test_a_meeting_with_only_a_count_keeps_it(
    team: ApiClient, client: FlaskClient, clock: FakeClock
) -> None:
    history = build_history(team, clock)

    assert meeting(client, history, "exchange")["attendance"] == 5


def test_the_head_count_follows_a_correction_to_fewer(
    team: ApiClient, client: FlaskClient, clock: FakeClock
) -> None:
    history = build_history(team, clock)
    twice = [history.people["Otto"], history.people["Otto"]]

    answer = team.put(history.attendance_path("exchange"), {"participants": twice})

    assert answer.status_code == 200, answer.json
    assert answer.json["attendance"] == 1
    assert meeting(client, history, "exchange")["attendance"] == 1


def test_attendance_waits_for_the_meeting_to_be_held(
    team: ApiClient, client: FlaskClient, clock: FakeClock
) -> None:
    history = build_history(team, clock)

    answer = team.put(history.attendance_path("later"), {"participants": []})

    assert answer.status_code == 409
    assert "once it is marked as held" in answer.json["detail"]
    assert meeting(client, history, "later")["attendance"] is None


def test_only_participants_of_the_series_can_be_present(team: ApiClient, clock: FakeClock) -> None:
    history = build_history(team, clock)
    elsewhere = team.announce(title="Eine andere Reihe").json["id"]
    stranger_place = team.enrol(elsewhere, "Stadt Olpe").json["id"]
    stranger = team.post(
        f"/enrollments/{stranger_place}/participants", {"name": "Eva", "email": "eva@o.example"}
    ).json["participant_id"]
    body = {"participants": [history.people["Anna"], stranger, str(UUID(int=7))]}

    answer = team.put(history.attendance_path("kickoff"), body)

    assert answer.status_code == 422
    assert set(answer.json["errors"]["participants"]) == {"1", "2"}


def test_the_list_of_those_present_is_bounded(team: ApiClient, clock: FakeClock) -> None:
    history = build_history(team, clock)
    too_many = [str(UUID(int=i)) for i in range(1001)]

    answer = team.put(history.attendance_path("kickoff"), {"participants": too_many})

    assert answer.status_code == 422 and "participants" in answer.json["errors"]


def test_the_roster_lists_admitted_places_with_their_active_participants(
    team: ApiClient, clock: FakeClock
) -> None:
    history = build_history(team, clock)
    path = f"/peer-learnings/{history.series_id}/meetings/{history.meetings['later']}/roster"

    roster = team.get(path).json

    names = {
        p["municipality"]: sorted(x["name"] for x in p["participants"])
        for p in roster["municipalities"]
    }
    assert names == {"Stadt Arnsberg": ["Anna", "Arne"], "Stadt Olpe": ["Otto"], "Stadt Kassel": []}
    assert roster["expected"] == 3 and roster["state"] == "scheduled"


def test_a_withdrawn_municipality_was_present_only_at_meetings_until_it_ended(
    team: ApiClient, client: FlaskClient, clock: FakeClock
) -> None:
    """An enrolment ends on the day its withdrawal is recorded (the report counts so): its
    people can have been at the meetings held until then, not at one held after."""
    ended = datetime.now(UTC)  # the moment the withdrawal below is recorded
    clock.set(ended - timedelta(days=10))
    day = clock.now().date()
    series = team.announce(starts_on=day, ends_on=day + timedelta(days=120)).json["id"]
    before = team.schedule(series, "kickoff", day + timedelta(days=5)).json["meeting_id"]
    after = team.schedule(series, "exchange", day + timedelta(days=20)).json["meeting_id"]
    place = team.enrol(series, "Stadt Arnsberg").json["id"]
    anna = team.post(
        f"/enrollments/{place}/participants", {"name": "Anna", "email": "anna@a.example"}
    ).json["participant_id"]
    assert team.post(f"/enrollments/{place}/withdraw", {"reason": "keine Zeit"}).status_code == 200
    clock.set(ended + timedelta(days=12))
    meetings = f"/peer-learnings/{series}/meetings"
    for meeting_id in (before, after):
        assert team.post(f"{meetings}/{meeting_id}/held", {}).status_code == 200

    earlier = team.put(f"{meetings}/{before}/attendance", {"participants": [anna]})
    later = team.put(f"{meetings}/{after}/attendance", {"participants": [anna]})

    assert earlier.status_code == 200 and earlier.json["attendance"] == 1
    assert later.status_code == 409, later.json
    assert later.mimetype == "application/problem+json"
    assert "enrolment of Stadt Arnsberg ended on" in later.json["detail"]
    assert "only for meetings held until the enrolment ended" in later.json["detail"]
    assert client.get(f"{meetings}/{after}").json["attendance"] is None
