"""Enrol municipalities, read the roster, withdraw and reject over HTTP."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.api.client import ApiClient, enrol_body

UNKNOWN = "00000000-0000-4000-8000-000000000003"


def enrol_path(series: dict[str, Any]) -> str:
    return f"/peer-learnings/{series['id']}/enrollments"


def test_enrol_admits_with_location_and_etag(team: ApiClient, series: dict[str, Any]) -> None:
    response = team.enrol(series["id"], "Stadt Arnsberg", key="05958004")

    body = response.json
    assert body["status"] == "admitted" and body["id"]
    assert body["municipality"]["key"] == "05958004"
    assert body["contact"]["email"] == "petra@arnsberg.example"
    assert response.headers["Location"] == f"/enrollments/{body['id']}"
    assert response.headers["ETag"] == f'"{body["version"]}"'
    assert team.get(response.headers["Location"]).json == body


def test_a_full_series_waitlists_and_a_withdrawal_promotes(
    team: ApiClient, client: FlaskClient
) -> None:
    series = team.announce(capacity=1).json
    first = team.enrol(series["id"], "Stadt Arnsberg").json
    second = team.enrol(series["id"], "Stadt Meschede").json

    withdrawn = team.post(f"/enrollments/{first['id']}/withdraw", {"reason": "keine Zeit"})

    assert second["status"] == "waitlisted"
    assert withdrawn.status_code == 200 and withdrawn.json["status"] == "withdrawn"
    assert team.get(f"/enrollments/{second['id']}").json["status"] == "admitted"
    detail = client.get(f"/peer-learnings/{series['id']}").json
    assert (detail["municipalities"], detail["waitlisted"]) == (1, 0)


def test_the_capacity_cannot_drop_below_the_admitted_municipalities(
    team: ApiClient, client: FlaskClient
) -> None:
    series = team.announce(capacity=2).json
    team.enrol(series["id"], "Stadt Arnsberg")
    team.enrol(series["id"], "Stadt Meschede")

    lowered = team.patch(f"/peer-learnings/{series['id']}", {"capacity": 1})

    assert lowered.status_code == 409
    assert lowered.headers["Content-Type"] == "application/problem+json"
    assert "2 municipalities are admitted" in lowered.json["detail"]
    assert "at least 2 seats" in lowered.json["detail"]
    detail = client.get(f"/peer-learnings/{series['id']}").json
    assert (detail["capacity"], detail["municipalities"]) == (2, 2)
    assert team.patch(f"/peer-learnings/{series['id']}", {"capacity": 2}).status_code == 200


def test_ineligible_and_duplicate_enrolments_are_409_with_the_reason(
    team: ApiClient,
) -> None:
    team.add_region()
    regional = team.announce(scope="regional", regions=["Südwestfalen"]).json
    team.enrol(regional["id"], "Stadt Arnsberg")

    elsewhere = team.post(enrol_path(regional), enrol_body("Stadt Kiel", region="Nord"))
    again = team.post(enrol_path(regional), enrol_body("stadt  arnsberg"))

    assert elsewhere.status_code == 409
    assert "admits only municipalities from Südwestfalen" in elsewhere.json["detail"]
    assert again.status_code == 409 and "already enrolled" in again.json["detail"]


def test_enrol_refuses_bad_shapes(team: ApiClient, series: dict[str, Any]) -> None:
    no_contact = {"municipality": {"name": "Stadt Arnsberg", "key": "05958004"}}
    bad_key = enrol_body(key="123")
    extra = {**enrol_body(), "note": "hallo"}

    assert set(team.post(enrol_path(series), no_contact).json["errors"]) == {"contact"}
    assert "municipality" in team.post(enrol_path(series), bad_key).json["errors"]
    assert set(team.post(enrol_path(series), extra).json["errors"]) == {"note"}


def test_the_contact_reads_in_the_language_given_german_unless_told(
    team: ApiClient, series: dict[str, Any]
) -> None:
    english = enrol_body("Stadt Arnsberg")
    english["contact"]["locale"] = "en"
    french = enrol_body("Stadt Meschede")
    french["contact"]["locale"] = "fr"

    told = team.post(enrol_path(series), english)
    refused = team.post(enrol_path(series), french)
    untold = team.enrol(series["id"], "Stadt Olpe").json

    assert told.status_code == 201 and told.json["contact"]["locale"] == "en"
    assert team.get(f"/enrollments/{told.json['id']}").json["contact"]["locale"] == "en"
    assert refused.status_code == 422
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert refused.json["errors"] == {"contact": {"locale": ["Must be one of: de, en."]}}
    assert untold["contact"]["locale"] == "de"
    roster = {
        e["municipality"]["name"]: e["contact"]["locale"] for e in team.get(enrol_path(series)).json
    }
    assert roster == {"Stadt Arnsberg": "en", "Stadt Olpe": "de"}


def test_enrol_with_a_stale_series_version_is_412(team: ApiClient, series: dict[str, Any]) -> None:
    team.patch(f"/peer-learnings/{series['id']}", {"capacity": 9})

    stale = team.post(enrol_path(series), enrol_body(), headers={"If-Match": '"1"'})
    current = team.post(enrol_path(series), enrol_body(), headers={"If-Match": '"2"'})

    assert stale.status_code == 412
    assert current.status_code == 201


def test_the_roster_is_for_the_team_only(
    team: ApiClient, auditor: ApiClient, client: FlaskClient, series: dict[str, Any]
) -> None:
    enrolled = team.enrol(series["id"]).json

    roster = team.get(enrol_path(series))

    assert roster.status_code == 200 and roster.json == [enrolled]
    assert auditor.get(enrol_path(series)).status_code == 403
    assert client.get(enrol_path(series)).status_code == 401
    assert client.get(f"/enrollments/{enrolled['id']}").status_code == 401
    assert "petra" not in client.get(f"/peer-learnings/{series['id']}").get_data(as_text=True)


def test_reject_needs_a_reason_and_ends_the_enrolment(
    team: ApiClient, series: dict[str, Any]
) -> None:
    enrolled = team.enrol(series["id"]).json
    path = f"/enrollments/{enrolled['id']}"

    assert team.post(f"{path}/reject", {}).status_code == 422
    rejected = team.post(f"{path}/reject", {"reason": "Modellprojekt"})
    again = team.post(f"{path}/withdraw")

    assert rejected.status_code == 200 and rejected.json["status"] == "rejected"
    assert again.status_code == 409 and "takes no more changes" in again.json["detail"]


def test_enrolment_writes_check_the_enrolment_version(
    team: ApiClient, series: dict[str, Any]
) -> None:
    enrolled = team.enrol(series["id"]).json
    stale = f'"{enrolled["version"] - 1}"'

    response = team.post(f"/enrollments/{enrolled['id']}/withdraw", headers={"If-Match": stale})

    assert response.status_code == 412


def test_unknown_enrolments_and_series_are_404(team: ApiClient) -> None:
    assert team.get(f"/enrollments/{UNKNOWN}").status_code == 404
    assert team.post(f"/enrollments/{UNKNOWN}/withdraw").status_code == 404
    assert team.post(f"/enrollments/{UNKNOWN}/reject", {"reason": "x"}).status_code == 404
    assert team.get(f"/peer-learnings/{UNKNOWN}/enrollments").status_code == 404
    assert team.post(f"/peer-learnings/{UNKNOWN}/enrollments", enrol_body()).status_code == 404


def test_a_municipality_whose_enrolment_ended_enrols_again(
    team: ApiClient, client: FlaskClient, series: dict[str, Any]
) -> None:
    first = team.enrol(series["id"], "Stadt Arnsberg", key="05958004").json
    team.post(f"/enrollments/{first['id']}/withdraw", {"reason": "keine Zeit"})

    again = team.enrol(series["id"], "Stadt Arnsberg", key="05958004")
    third = team.post(enrol_path(series), enrol_body("Stadt Arnsberg", key="05958004"))

    assert again.status_code == 201 and again.json["status"] == "admitted"
    assert again.json["id"] != first["id"]
    assert third.status_code == 409 and "already enrolled" in third.json["detail"]
    assert team.get(f"/enrollments/{first['id']}").json["status"] == "withdrawn"
    roster = {e["id"]: e["status"] for e in team.get(enrol_path(series)).json}
    assert roster == {first["id"]: "withdrawn", again.json["id"]: "admitted"}
    detail = client.get(f"/peer-learnings/{series['id']}").json
    assert detail["municipalities"] == 1
    team.post(f"/enrollments/{again.json['id']}/reject", {"reason": "Modellprojekt"})
    assert team.post(enrol_path(series), enrol_body("Stadt Arnsberg")).status_code == 201
