"""Participants join and leave an enrolment over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.client import ApiClient

PERSON = {
    "name": "Jonas Beispiel",
    "email": "jonas@arnsberg.example",
    "locale": "en",
    "timezone": "Europe/Berlin",
}


@pytest.fixture
def enrollment(team: ApiClient, series: dict[str, Any]) -> dict[str, Any]:
    return team.enrol(series["id"]).json  # type: ignore[no-any-return]


def path(enrollment: dict[str, Any]) -> str:
    return f"/enrollments/{enrollment['id']}/participants"


def test_join_answers_201_with_participant_id_and_location(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    response = team.post(path(enrollment), PERSON)

    participant = response.json
    assert response.status_code == 201
    assert participant["participant_id"] and participant["left_at"] is None
    assert (participant["name"], participant["locale"]) == ("Jonas Beispiel", "en")
    assert participant["joined_at"] == "2024-09-20T08:00:00+00:00"
    assert response.headers["Location"] == f"{path(enrollment)}/{participant['participant_id']}"
    assert team.get(response.headers["Location"]).json == participant
    roster = team.get(f"/enrollments/{enrollment['id']}").json
    assert [p["participant_id"] for p in roster["participants"]] == [participant["participant_id"]]


def test_leave_keeps_the_participant_with_left_at(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    joined = team.post(path(enrollment), PERSON)
    where = joined.headers["Location"]

    left = team.delete(where, headers={"If-Match": joined.headers["ETag"]})

    assert left.status_code == 200 and left.json["left_at"] is not None
    again = team.delete(where, headers={"If-Match": left.headers["ETag"]})
    assert again.status_code == 200 and again.json == left.json
    assert again.headers["ETag"] == left.headers["ETag"]
    assert team.delete(where).json == left.json
    unknown = where.rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000009"
    assert team.delete(unknown).status_code == 404


def test_the_same_email_cannot_join_twice(team: ApiClient, enrollment: dict[str, Any]) -> None:
    team.post(path(enrollment), PERSON)

    again = team.post(path(enrollment), {**PERSON, "email": "JONAS@arnsberg.example"})

    assert again.status_code == 409 and "already takes part" in again.json["detail"]


def test_join_refuses_bad_shapes_and_values(team: ApiClient, enrollment: dict[str, Any]) -> None:
    wrong_locale = team.post(path(enrollment), {**PERSON, "locale": "fr"})
    no_email = team.post(path(enrollment), {"name": "Ohne Mail"})
    bad_email = team.post(path(enrollment), {**PERSON, "email": "nicht-gültig"})
    bad_zone = team.post(path(enrollment), {**PERSON, "timezone": "Mars/Olympus"})

    assert "locale" in wrong_locale.json["errors"]
    assert "email" in no_email.json["errors"]
    assert bad_email.status_code == 422
    assert "not a valid e-mail" in str(bad_email.json["errors"]["email"])
    assert bad_zone.status_code == 422 and "Unknown time zone" in bad_zone.json["detail"]


def test_participant_writes_check_the_enrolment_version(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    stale = f'"{enrollment["version"] - 1}"'
    current = f'"{enrollment["version"]}"'

    assert team.post(path(enrollment), PERSON, headers={"If-Match": stale}).status_code == 412
    assert team.post(path(enrollment), PERSON, headers={"If-Match": current}).status_code == 201


def test_participants_of_another_enrolment_or_unknown_ones_are_404(
    team: ApiClient, series: dict[str, Any], enrollment: dict[str, Any]
) -> None:
    other = team.enrol(series["id"], "Stadt Meschede").json
    joined = team.post(path(enrollment), PERSON).json
    unknown = "00000000-0000-4000-8000-000000000004"

    assert team.get(f"{path(other)}/{joined['participant_id']}").status_code == 404
    assert team.get(f"{path(enrollment)}/{unknown}").status_code == 404
    assert team.delete(f"{path(enrollment)}/{unknown}").status_code == 404
    assert team.post(f"/enrollments/{unknown}/participants", PERSON).status_code == 404


def test_participants_are_personal_data_for_the_team_only(
    team: ApiClient, auditor: ApiClient, enrollment: dict[str, Any]
) -> None:
    where = team.post(path(enrollment), PERSON).headers["Location"]

    assert auditor.get(where).status_code == 403
    assert auditor.post(path(enrollment), PERSON).status_code == 403
    assert ApiClient(team.client, None).delete(where).status_code == 401
