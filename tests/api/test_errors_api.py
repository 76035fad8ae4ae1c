"""Bad input is always a 4xx problem document, never a 500."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services, bootstrap
from store.settings import store_settings
from tests.api.client import PROBLEM, TEAM, ApiClient, announce_body, meeting_body


def raw_post(client: FlaskClient, path: str, data: Any, content_type: str) -> Any:
    headers = {"Authorization": f"Bearer {TEAM}", "Content-Type": content_type}
    return client.post(path, data=data, headers=headers)


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body: dict[str, Any] = response.json
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status and body["detail"]
    return body


def test_malformed_json_is_400(client: FlaskClient) -> None:
    response = raw_post(client, "/peer-learnings", '{"title": "halb', "application/json")

    assert "not valid JSON" in assert_problem(response, 400)["detail"]


def test_json_that_is_not_an_object_is_422(client: FlaskClient) -> None:
    assert_problem(raw_post(client, "/peer-learnings", "[1, 2]", "application/json"), 422)


def test_a_body_that_is_not_json_is_415(client: FlaskClient) -> None:
    body = json.dumps(announce_body())

    response = raw_post(client, "/peer-learnings", body, "text/plain")

    assert "application/json" in assert_problem(response, 415)["detail"]


def test_an_oversized_body_is_413(client: FlaskClient) -> None:
    body = json.dumps(announce_body(summary="x" * 70_000))

    assert_problem(raw_post(client, "/peer-learnings", body, "application/json"), 413)


def test_wrong_types_and_unknown_fields_are_422_per_field(team: ApiClient) -> None:
    body = {**announce_body(capacity="viele", starts_on=20241001), "colour": "blau"}

    problem = assert_problem(team.post("/peer-learnings", body), 422)

    assert set(problem["errors"]) == {"capacity", "starts_on", "colour"}
    assert problem["errors"]["colour"] == ["Unknown field."]


def test_unknown_paths_and_methods_are_problems(client: FlaskClient) -> None:
    assert_problem(client.get("/nirgendwo"), 404)
    not_allowed = client.delete("/peer-learnings")

    assert_problem(not_allowed, 405)
    assert "POST" in not_allowed.headers["Allow"]


def test_a_malformed_if_match_is_400_and_a_star_is_accepted(
    team: ApiClient, series: dict[str, Any]
) -> None:
    path = f"/peer-learnings/{series['id']}"

    assert_problem(team.patch(path, {"capacity": 3}, headers={"If-Match": "eins"}), 400)
    unquoted = team.patch(path, {"capacity": 3}, headers={"If-Match": "1"})
    assert_problem(unquoted, 400)
    assert 'in quotes, e.g. If-Match: "3"' in unquoted.json["detail"]
    assert_problem(team.patch(path, {"capacity": 3}, headers={"If-Match": '"1", 2'}), 400)
    assert team.patch(path, {"capacity": 3}, headers={"If-Match": "*"}).status_code == 200


@pytest.mark.parametrize("weak", ['W/"2"', 'W/"2.1234.abcdef12"', 'W/"9"', 'W/"x"'])
def test_a_weak_tag_in_if_match_never_matches_and_changes_nothing(
    team: ApiClient, series: dict[str, Any], weak: str
) -> None:
    path = f"/peer-learnings/{series['id']}"
    assert team.patch(path, {"capacity": 3}, headers={"If-Match": '"1"'}).status_code == 200

    refused = team.patch(path, {"capacity": 4}, headers={"If-Match": weak})

    assert_problem(refused, 412)
    assert "Send the strong tag from the ETag you read" in refused.json["detail"]
    assert team.get(path).json["capacity"] == 3


@pytest.mark.parametrize("padded", ['"01"', '"0001"', '"01.1234.abcdef12"'])
def test_a_version_with_leading_zeros_is_no_tag_we_sent_and_changes_nothing(
    team: ApiClient, series: dict[str, Any], padded: str
) -> None:
    path = f"/peer-learnings/{series['id']}"

    refused = team.patch(path, {"capacity": 4}, headers={"If-Match": padded})

    assert_problem(refused, 412)
    assert "never had" in refused.json["detail"]
    assert team.get(path).json["version"] == 1


def test_if_match_names_one_tag_and_a_list_is_refused_with_400(
    team: ApiClient, series: dict[str, Any]
) -> None:
    path = f"/peer-learnings/{series['id']}"

    for listed in ('"1", "2"', '"2","1"', '"1", W/"1"'):
        refused = team.patch(path, {"capacity": 4}, headers={"If-Match": listed})
        assert_problem(refused, 400)
        assert "a list of tags is not accepted" in refused.json["detail"]
    assert team.get(path).json["version"] == 1


def test_an_unexpected_error_is_a_logged_500_problem(
    flask_app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise RuntimeError("disk on fire")

    flask_app.add_url_rule("/broken", view_func=broken)

    with caplog.at_level(logging.ERROR):
        problem = assert_problem(flask_app.test_client().get("/broken"), 500)

    assert "disk on fire" not in problem["detail"]
    assert "disk on fire" in caplog.text


def test_a_concurrent_write_is_a_409(
    team: ApiClient,
    services: Services,
    series: dict[str, Any],
    store_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = bootstrap(store_settings(store_url))
    record = services.app.record

    def record_after_someone_else(*aggregates: Any) -> None:
        other.app.set_joining(UUID(series["id"]), False, actor="someone")
        record(*aggregates)

    monkeypatch.setattr(services.app, "record", record_after_someone_else)
    try:
        response = team.patch(f"/peer-learnings/{series['id']}", {"capacity": 3})
    finally:
        other.close()

    assert "at the same time" in assert_problem(response, 409)["detail"]


def test_control_characters_in_free_text_are_422(team: ApiClient, series: dict[str, Any]) -> None:
    body = meeting_body("kickoff", date(2024, 10, 8), title="Auf\x00takt")

    problem = assert_problem(team.post(f"/peer-learnings/{series['id']}/meetings", body), 422)

    assert "title" in problem["errors"]


def test_a_json_integer_of_thousands_of_digits_is_400(client: FlaskClient) -> None:
    body = json.dumps(announce_body())[:-1] + ', "planned_meetings": ' + "9" * 5000 + "}"

    problem = assert_problem(raw_post(client, "/peer-learnings", body, "application/json"), 400)

    assert "number longer than 100 characters" in problem["detail"]


def test_a_number_just_within_the_length_limit_gets_its_field_range(client: FlaskClient) -> None:
    def with_planned(literal: str) -> str:
        return json.dumps(announce_body(planned_meetings=1))[:-1] + f', "capacity": {literal}}}'

    inside = raw_post(client, "/peer-learnings", with_planned("9" * 100), "application/json")
    outside = raw_post(client, "/peer-learnings", with_planned("9" * 101), "application/json")

    assert assert_problem(inside, 422)["errors"]["capacity"] == ["Must be between 1 and 10000."]
    assert "number longer than 100" in assert_problem(outside, 400)["detail"]


def test_a_day_outside_the_calendar_in_the_query_is_422_naming_the_range(
    team: ApiClient, series: dict[str, Any]
) -> None:
    catalogue = assert_problem(team.get("/peer-learnings?on=0001-01-01"), 422)
    detail = assert_problem(team.get(f"/peer-learnings/{series['id']}?on=0001-01-01"), 422)
    as_of = assert_problem(team.get("/peer-learnings?as_of=9999-12-31T23:59:59Z"), 422)

    between = ["Must lie between 2000-01-01 and 2199-12-31."]
    assert catalogue["errors"] == {"on": between} and detail["errors"] == {"on": between}
    assert as_of["errors"] == {"as_of": between}
