"""Announce, list, show and revise a series over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.api.client import PROBLEM, ApiClient, announce_body
from tests.support.clock import FakeClock


def test_announce_answers_201_with_location_etag_and_the_detail(team: ApiClient) -> None:
    response = team.announce(title="Smarte Wasserwirtschaft")

    body = response.json
    assert body["title"] == "Smarte Wasserwirtschaft"
    assert body["status"] == "new" and body["meetings"] == [] and body["version"] == 1
    assert response.headers["Location"] == f"/peer-learnings/{body['id']}"
    assert response.headers["ETag"] == '"1"'


@pytest.mark.parametrize("title", ["\u200b", "\ufeff", "\u202eelbaT", "Tab\u2066le"])
def test_a_title_without_visible_text_or_turning_its_direction_is_422(
    team: ApiClient, client: FlaskClient, title: str
) -> None:
    response = team.post("/peer-learnings", announce_body(title=title))

    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"
    assert "remove them" in response.json["detail"] or "no visible" in response.json["detail"]
    assert client.get("/peer-learnings").json["items"] == []


def test_the_detail_is_public_and_its_etag_starts_with_the_version(
    client: FlaskClient, team: ApiClient, series: dict[str, Any]
) -> None:
    response = client.get(f"/peer-learnings/{series['id']}")

    assert response.status_code == 200
    assert response.headers["ETag"].startswith('"1.')
    assert response.json["id"] == series["id"] and response.json["meetings"] == []
    revised = team.patch(
        f"/peer-learnings/{series['id']}",
        {"capacity": 9},
        headers={"If-Match": response.headers["ETag"]},
    )
    assert revised.status_code == 200 and revised.headers["ETag"] == '"2"'


def test_an_unknown_series_is_a_404_problem(client: FlaskClient) -> None:
    response = client.get("/peer-learnings/00000000-0000-4000-8000-000000000000")

    assert response.status_code == 404
    assert response.mimetype == PROBLEM
    assert "00000000-0000-4000-8000-000000000000" in response.json["detail"]


def test_the_catalogue_pages_and_filters(client: FlaskClient, team: ApiClient) -> None:
    team.announce(title="Alpha Wasser", topics=["Wasser"])
    team.announce(title="Beta Mobilität", topics=["Mobilität"], format="hybrid", location="Ulm")
    team.announce(title="Gamma Energie", starts_on="2024-09-01", topics=["Energie"])

    page = client.get("/peer-learnings?per_page=2&page=2").json
    assert (page["total"], page["page"], page["per_page"], len(page["items"])) == (3, 2, 2, 1)
    assert titles(client, "topic=mobilit%C3%A4t") == ["Beta Mobilität"]
    assert titles(client, "format=hybrid") == ["Beta Mobilität"]
    assert titles(client, "q=wasser") == ["Alpha Wasser"]
    assert titles(client, "status=running") == ["Gamma Energie"]
    assert titles(client, "status=new") == ["Alpha Wasser", "Beta Mobilität"]


def test_the_catalogue_takes_today_from_the_clock_in_berlin(
    client: FlaskClient, team: ApiClient, clock: FakeClock
) -> None:
    team.announce(title="Startet im Oktober", starts_on="2024-10-01")

    clock.set(datetime(2024, 9, 30, 22, 30, tzinfo=UTC))  # 00:30 on 1 October in Berlin
    assert client.get("/peer-learnings").json["items"][0]["status"] == "running"
    assert titles(client, "on=2024-09-30&status=new") == ["Startet im Oktober"]


def test_catalogue_items_carry_the_contract_fields(
    client: FlaskClient, series: dict[str, Any]
) -> None:
    item = client.get("/peer-learnings").json["items"][0]

    for field in (
        "id",
        "title",
        "host",
        "status",
        "joining_open",
        "starts_on",
        "ends_on",
        "format",
        "next_meeting",
        "municipalities",
    ):
        assert field in item


def test_bad_catalogue_queries_are_422_per_field(client: FlaskClient) -> None:
    response = client.get("/peer-learnings?status=open&page=0&per_page=1000&on=gestern")

    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert set(response.json["errors"]) == {"status", "page", "per_page", "on"}


def test_revise_changes_the_details_and_the_etag(team: ApiClient, series: dict[str, Any]) -> None:
    response = team.patch(f"/peer-learnings/{series['id']}", {"capacity": 12, "topics": ["KI"]})

    assert response.status_code == 200
    assert response.json["topics"] == ["KI"]
    assert response.headers["ETag"] == '"2"'


def test_revise_with_the_current_version_passes_and_with_a_stale_one_is_412(
    team: ApiClient, series: dict[str, Any]
) -> None:
    path = f"/peer-learnings/{series['id']}"
    assert team.patch(path, {"capacity": 5}, headers={"If-Match": '"1"'}).status_code == 200

    stale = team.patch(path, {"capacity": 6}, headers={"If-Match": '"1"'})

    assert stale.status_code == 412
    assert stale.mimetype == PROBLEM
    assert "current version is 2" in stale.json["detail"]


def test_revise_refuses_nothing_unknown_fields_and_broken_rules(
    team: ApiClient, series: dict[str, Any]
) -> None:
    path = f"/peer-learnings/{series['id']}"

    assert team.patch(path, {}).status_code == 422
    unknown = team.patch(path, {"titel": "Tippfehler"})
    assert unknown.status_code == 422 and "titel" in unknown.json["errors"]
    backwards = team.patch(path, {"ends_on": "2024-01-01"})
    assert backwards.status_code == 422
    assert "cannot end before it starts" in backwards.json["detail"]


def test_announce_refuses_missing_and_wrongly_typed_fields(team: ApiClient) -> None:
    body = announce_body(planned_meetings="six", topics="Wasser")
    del body["title"]

    response = team.post("/peer-learnings", body)

    assert response.status_code == 422
    assert set(response.json["errors"]) == {"title", "planned_meetings", "topics"}


def test_announce_refuses_a_bad_email_from_the_domain(team: ApiClient) -> None:
    response = team.post("/peer-learnings", announce_body(contact_email="kein-mail"))

    assert response.status_code == 422
    assert "not a valid e-mail" in str(response.json["errors"]["contact_email"])


def titles(client: FlaskClient, query: str) -> list[str]:
    response = client.get(f"/peer-learnings?{query}")
    assert response.status_code == 200, response.json
    return [item["title"] for item in response.json["items"]]
