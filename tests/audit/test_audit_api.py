# mypy: disable-error-code="index,return-value"
"""The audit over HTTP: roles, the log in pages, streams, export, verify and erasure."""

from __future__ import annotations

import json
from typing import Any

import pytest

from peerlearning.bootstrap import Services
from tests.api.client import ApiClient
from tests.audit.tampering import every_table_text, flip_one_byte

PERSON = {"name": "Jonas Beispielmann", "email": "jonas.beispielmann@arnsberg.example"}
CONTACT = ("Petra Kontakt", "petra@arnsberg.example")


@pytest.fixture
def enrollment(team: ApiClient, series: dict[str, Any]) -> dict[str, Any]:
    return team.enrol(series["id"]).json


@pytest.fixture
def participant(team: ApiClient, enrollment: dict[str, Any]) -> dict[str, Any]:
    response = team.post(f"/enrollments/{enrollment['id']}/participants", PERSON)
    assert response.status_code == 201, response.json
    return response.json


def export_lines(client: ApiClient) -> list[dict[str, Any]]:
    response = client.get("/audit/export")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def test_the_log_pages_on_for_auditors_and_team_only(
    auditor: ApiClient, team: ApiClient, client: Any, series: dict[str, Any]
) -> None:
    team.patch(f"/peer-learnings/{series['id']}", {"title": "Neuer Titel"})
    first = auditor.get("/audit/events?limit=1").json
    rest = team.get(f"/audit/events?after={first['next_after']}").json
    entries = first["items"] + rest["items"]
    assert [(e["event_type"], e["actor"], e["version"]) for e in entries] == [
        ("Announced", "anna", 1),
        ("DetailsRevised", "anna", 2),
    ]
    assert entries[1]["data"]["details"]["title"] == "Neuer Titel"
    assert client.get("/audit/events").status_code == 401
    assert auditor.get("/audit/events?limit=0").status_code == 422


def test_one_stream_and_an_unknown_one(
    auditor: ApiClient, team: ApiClient, series: dict[str, Any], enrollment: dict[str, Any]
) -> None:
    stream = auditor.get(f"/audit/streams/{enrollment['id']}").json["items"]
    assert [e["event_type"] for e in stream] == ["Registered", "Admitted"]
    contact = stream[0]["data"]["contact"]
    assert contact["email"] == contact["name"] == contact["subject_id"] != CONTACT[1]
    team_stream = team.get(f"/audit/streams/{enrollment['id']}").json["items"]
    assert team_stream[0]["data"]["contact"]["email"] == CONTACT[1]
    missing = auditor.get("/audit/streams/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"


def test_export_carries_the_chain_and_verify_names_a_changed_event(
    auditor: ApiClient, services: Services, participant: dict[str, Any]
) -> None:
    lines = export_lines(auditor)
    verified = auditor.get("/audit/verify").json
    assert verified["ok"] and verified["head"]["hash"] == lines[-1]["chain"]
    assert verified["head"]["position"] == lines[-1]["position"] == len(lines)
    kept = verified["head"]
    flip_one_byte(services.settings, services.app, 2)
    broken = auditor.get(
        f"/audit/verify?head_position={kept['position']}&head_hash={kept['hash']}"
    ).json
    assert (broken["ok"], broken["first_broken_position"]) == (False, 2)
    assert broken["kept_head_matches"] is True  # the chain itself was not rewritten


@pytest.mark.parametrize(
    ("query", "missing"),
    [("head_position=1", "head_hash"), (f"head_hash={'a' * 64}", "head_position")],
)
def test_a_kept_head_is_given_whole_or_verify_refuses_it(
    auditor: ApiClient, series: dict[str, Any], query: str, missing: str
) -> None:
    refused = auditor.get(f"/audit/verify?{query}")

    assert refused.status_code == 422 and refused.mimetype == "application/problem+json"
    assert list(refused.json["errors"]) == [missing]
    assert "`head_position` and `head_hash` go together" in refused.json["errors"][missing][0]


def test_erasure_is_for_the_team_and_leaves_nothing_readable(
    team: ApiClient,
    auditor: ApiClient,
    services: Services,
    series: dict[str, Any],
    enrollment: dict[str, Any],
    participant: dict[str, Any],
) -> None:
    pid = participant["participant_id"]
    assert auditor.post(f"/participants/{pid}/erasure").status_code == 403
    erased = team.post(f"/participants/{pid}/erasure")
    assert erased.status_code == 200 and erased.json["enrollment_id"] == enrollment["id"]
    responses = [
        team.get(path)
        for path in (
            f"/enrollments/{enrollment['id']}",
            f"/enrollments/{enrollment['id']}/participants/{pid}",
            f"/peer-learnings/{series['id']}/enrollments",
            f"/peer-learnings/{series['id']}",
            "/peer-learnings",
            "/audit/events?limit=1000",
            f"/audit/streams/{enrollment['id']}",
            "/audit/export",
        )
    ]
    assert all(r.status_code == 200 for r in responses)
    text = "".join(r.get_data(as_text=True) for r in responses)
    text += every_table_text(services.settings)
    assert PERSON["name"] not in text and PERSON["email"] not in text
    assert CONTACT[1] in text
    assert team.get(f"/enrollments/{enrollment['id']}/participants/{pid}").json["email"] == (
        "erased"
    )
    assert auditor.get("/audit/verify").json["ok"] is True
    assert team.post("/participants/00000000-0000-4000-8000-000000000000/erasure").status_code == (
        404
    )
