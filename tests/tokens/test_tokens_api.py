# mypy: disable-error-code="index,union-attr"
"""Tokens as data over HTTP: issued, listed, used, revoked and expired; events without secrets."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient

from domain.access_tokens import token_id_for
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from runtime.errors import SettingError
from tests.api.client import ApiClient
from tests.audit.tampering import every_table_text
from tests.support.clock import FakeClock


def issue(team: ApiClient, name: str, role: str = "auditor", **body: Any) -> str:
    issued = team.post("/tokens", {"name": name, "role": role, **body})
    assert issued.status_code == 201, issued.json
    assert issued.headers["Cache-Control"] == "no-store"
    assert issued.headers["Location"] == f"/tokens/{name}"
    return str(issued.json["token"])


def listed(team: ApiClient) -> dict[str, dict[str, Any]]:
    return {token["name"]: token for token in team.get("/tokens").json}


def test_an_issued_token_is_listed_used_and_revoked(client: FlaskClient, team: ApiClient) -> None:
    secret = issue(team, "carla", "team", expires="P90D")
    carla = ApiClient(client, secret)

    entry = listed(team)["carla"]
    assert (entry["role"], entry["series"], entry["status"]) == ("team", [], "valid")
    assert entry["issued_by"] == "anna" and "token" not in entry
    assert entry["expires_at"].startswith("2024-12-19")  # 90 days after the clock's today
    series = carla.announce().json
    log = team.get("/audit/events?limit=1000").json["items"]
    announced = next(e for e in log if e["event_type"] == "Announced")
    assert (announced["actor"], announced["actor_role"]) == ("carla", "team")
    assert series["id"] == announced["stream_id"]

    revoked = team.delete("/tokens/carla")
    assert revoked.status_code == 200 and revoked.json["status"] == "revoked"
    assert carla.get("/audit/verify").status_code == 401
    assert listed(team)["carla"]["status"] == "revoked"
    assert team.delete("/tokens/carla").status_code == 409
    assert team.delete("/tokens/nobody").status_code == 404


def test_an_expired_token_is_refused(
    client: FlaskClient, team: ApiClient, clock: FakeClock
) -> None:
    secret = issue(team, "dora", expires="P1D")
    dora = ApiClient(client, secret)
    assert dora.get("/audit/verify").status_code == 200

    clock.advance(timedelta(days=1, seconds=1))

    assert dora.get("/audit/verify").status_code == 401
    assert listed(team)["dora"]["status"] == "expired"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"name": "h", "role": "host"}, 422),
        ({"name": "h", "role": "team", "series": ["00000000-0000-4000-8000-000000000000"]}, 422),
        ({"name": "h", "role": "host", "series": ["00000000-0000-4000-8000-000000000000"]}, 404),
        ({"name": "h", "role": "admin"}, 422),
        ({"name": "Has Spaces", "role": "team"}, 422),
        ({"name": "h", "role": "team", "expires": "2024-09-19T00:00:00+02:00"}, 422),
        ({"name": "h", "role": "team", "expires": "2024-09-21T00:00:00"}, 422),
        ({"name": "h", "role": "team", "expires": "soon"}, 422),
        ({"name": "h", "role": "team", "secret": "mine"}, 422),
    ],
)
def test_the_rules_of_issuing(team: ApiClient, body: dict[str, Any], status: int) -> None:
    refused = team.post("/tokens", body)

    assert refused.status_code == status, refused.json
    assert team.get("/tokens").json == []


@pytest.mark.parametrize(
    ("expires", "says"),
    [
        ("P1Y", "counts years or months, which are not accepted"),
        ("P6M", "Give days, weeks or hours instead, e.g. P365D"),
        ("P3661D", "is longer than P3660D; a token expires within ten years"),
        ("P99999999D", "is longer than P3660D; a token expires within ten years"),
        ("2034-09-29T10:00:00+00:00", "within ten years (P3660D), by 2034-09-28T"),
    ],
)
def test_a_validity_in_years_or_beyond_ten_years_is_refused_and_nothing_issued(
    team: ApiClient, expires: str, says: str
) -> None:
    refused = team.post("/tokens", {"name": "lena", "role": "auditor", "expires": expires})

    assert refused.status_code == 422 and refused.mimetype == "application/problem+json"
    assert says in refused.json["detail"]
    assert "lena" not in listed(team)
    assert issue(team, "lena", expires="P3660D")


def test_a_name_is_issued_once_even_after_revocation(team: ApiClient) -> None:
    issue(team, "erik")
    assert team.post("/tokens", {"name": "erik", "role": "auditor"}).status_code == 409
    team.delete("/tokens/erik")

    assert team.post("/tokens", {"name": "erik", "role": "auditor"}).status_code == 409


@pytest.mark.parametrize("name", ["paul", "anna", "public", "demo", "scheduler", "system"])
def test_a_configured_token_or_an_actor_of_the_service_keeps_its_name(
    team: ApiClient, name: str
) -> None:
    refused = team.post("/tokens", {"name": name, "role": "team"})

    assert refused.status_code == 409, refused.json
    assert refused.json["type"].endswith(":token-name-reserved")
    assert "Choose another name" in refused.json["detail"]
    assert team.get("/tokens").json == []


@pytest.mark.parametrize("name", ["-x", ".x", "_x", "Erik", "x" * 64, ""])
def test_a_malformed_name_is_refused_with_the_rule(team: ApiClient, name: str) -> None:
    refused = team.post("/tokens", {"name": name, "role": "team"})

    assert refused.status_code == 422, refused.json
    assert "beginning with a letter or a digit" in str(refused.json)


def test_only_the_team_manages_tokens(
    client: FlaskClient, team: ApiClient, auditor: ApiClient, series: dict[str, Any]
) -> None:
    host = ApiClient(client, issue(team, "gina", "host", series=[series["id"]]))
    for caller in (auditor, host):
        assert caller.get("/tokens").status_code == 403
        assert caller.post("/tokens", {"name": "x", "role": "team"}).status_code == 403
        assert caller.delete("/tokens/gina").status_code == 403


def test_issuing_and_revoking_are_events_with_the_actor_and_no_secret(
    client: FlaskClient, team: ApiClient, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = issue(team, "hanna")
    ApiClient(client, secret).get("/audit/events")
    team.delete("/tokens/hanna")

    stream = team.get(f"/audit/streams/{token_id_for('hanna')}").json["items"]
    assert [(e["event_type"], e["actor"], e["actor_role"]) for e in stream] == [
        ("Issued", "anna", "team"),
        ("Revoked", "anna", "team"),
    ]
    assert stream[0]["data"]["role"] == "auditor"
    answers = team.get("/audit/export").get_data(as_text=True) + str(team.get("/tokens").json)
    assert secret not in answers
    assert secret not in every_table_text(services.settings)
    assert secret not in caplog.text


def test_last_use_is_noted_at_most_once_a_minute(
    client: FlaskClient, team: ApiClient, clock: FakeClock
) -> None:
    ivo = ApiClient(client, issue(team, "ivo"))
    assert listed(team)["ivo"]["last_used_at"] is None
    first_use = clock.now()

    ivo.get("/audit/verify").close()
    clock.advance(timedelta(hours=1))
    ivo.get("/audit/verify").close()

    assert listed(team)["ivo"]["last_used_at"] == first_use.isoformat()


def test_a_host_acts_on_its_series_under_its_own_name_and_role(
    client: FlaskClient, team: ApiClient, series: dict[str, Any]
) -> None:
    host = ApiClient(client, issue(team, "ulm-host", "host", series=[series["id"]]))

    scheduled = host.post(
        f"/peer-learnings/{series['id']}/meetings",
        {
            "kind": "kickoff",
            "starts_at": "2024-10-08T10:00:00+02:00",
            "ends_at": "2024-10-08T12:00:00+02:00",
            "mode": "virtual",
            "video_url": "https://video.example.org/room",
        },
    )

    assert scheduled.status_code == 201, scheduled.json
    stream = team.get(f"/audit/streams/{series['id']}").json["items"]
    assert (stream[-1]["event_type"], stream[-1]["actor"], stream[-1]["actor_role"]) == (
        "MeetingScheduled",
        "ulm-host",
        "host",
    )
    assert host.post(f"/peer-learnings/{series['id']}/close", {}).status_code == 403


def test_a_short_token_key_setting_is_refused_at_start(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERLEARNING_TOKEN_KEY", "too-short")

    with pytest.raises(SettingError, match="PEERLEARNING_TOKEN_KEY"):
        create_app({"TESTING": True}, services=services)
