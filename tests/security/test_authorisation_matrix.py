# mypy: disable-error-code="index"
"""Every documented operation x {no token, bad token, auditor, monitor, host in and out of its
scope, team}: the expected answer; the roles the docs describe are the roles a token takes."""

from __future__ import annotations

import re
from pathlib import Path

from flask.testing import FlaskClient

from domain.access_tokens import ROLES
from tests.api.client import PROBLEM, ApiClient
from tests.security.conftest import CALLERS
from tests.security.world import World, sample_body

PUBLIC, READERS, HOSTS, TEAM_ONLY = "public", "auditor+team", "host+team", "team"
MONITORS = "monitor+auditor+team"
ROLES_OF = {
    PUBLIC: set(),
    READERS: {"auditor", "team"},
    HOSTS: {"host", "team"},
    MONITORS: {"monitor", "auditor", "team"},
}
# Destructive operations last, so the team's own calls do not remove what later rows need.
MATRIX: list[tuple[str, str, str]] = [
    ("GET", "/health", PUBLIC),
    ("GET", "/health/live", PUBLIC),
    ("GET", "/health/ready", PUBLIC),
    ("GET", "/metrics", MONITORS),
    ("GET", "/peer-learnings", PUBLIC),
    ("GET", "/peer-learnings/{peer_learning_id}", PUBLIC),
    ("GET", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}", PUBLIC),
    ("GET", "/peer-learnings/{peer_learning_id}/calendar.ics", PUBLIC),
    ("GET", "/calendar.ics", PUBLIC),
    ("POST", "/peer-learnings/{peer_learning_id}/registrations", PUBLIC),
    ("POST", "/registrations/confirmation", PUBLIC),
    ("GET", "/model-projects", READERS),
    ("GET", "/regions", PUBLIC),
    ("GET", "/audit/events", READERS),
    ("GET", "/audit/streams/{stream_id}", READERS),
    ("GET", "/audit/export", READERS),
    ("GET", "/audit/verify", READERS),
    ("GET", "/peer-learnings/{peer_learning_id}/enrollments", HOSTS),
    ("GET", "/enrollments/{enrollment_id}", HOSTS),
    ("GET", "/enrollments/{enrollment_id}/participants/{participant_id}", HOSTS),
    ("GET", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}/roster", HOSTS),
    ("GET", "/reports/participation", READERS),
    ("GET", "/reports/participation.html", TEAM_ONLY),
    ("GET", "/reminders", TEAM_ONLY),
    ("GET", "/tokens", TEAM_ONLY),
    ("GET", "/registrations", TEAM_ONLY),
    ("POST", "/registrations/{registration_id}/accept", TEAM_ONLY),
    ("POST", "/registrations/{registration_id}/decline", TEAM_ONLY),
    ("POST", "/tokens", TEAM_ONLY),
    ("POST", "/peer-learnings", TEAM_ONLY),
    ("PATCH", "/peer-learnings/{peer_learning_id}", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/meetings", HOSTS),
    ("PUT", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}", HOSTS),
    ("PATCH", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}", HOSTS),
    ("POST", "/peer-learnings/{peer_learning_id}/joining", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/enrollments", TEAM_ONLY),
    ("POST", "/enrollments/{enrollment_id}/participants", TEAM_ONLY),
    ("POST", "/model-projects", TEAM_ONLY),
    ("POST", "/regions", TEAM_ONLY),
    ("PUT", "/regions/{region_id}", TEAM_ONLY),
    ("PUT", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}/attendance", HOSTS),
    ("POST", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}/held", HOSTS),
    ("DELETE", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}", HOSTS),
    ("POST", "/peer-learnings/{peer_learning_id}/reflection", HOSTS),
    ("POST", "/peer-learnings/{peer_learning_id}/close", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/withdraw", TEAM_ONLY),
    ("PATCH", "/enrollments/{enrollment_id}/participants/{participant_id}", TEAM_ONLY),
    ("PATCH", "/enrollments/{enrollment_id}/contact", TEAM_ONLY),
    ("DELETE", "/enrollments/{enrollment_id}/participants/{participant_id}", TEAM_ONLY),
    ("POST", "/enrollments/{enrollment_id}/withdraw", TEAM_ONLY),
    ("POST", "/enrollments/{enrollment_id}/reject", TEAM_ONLY),
    ("POST", "/participants/{subject_id}/erasure", TEAM_ONLY),
    ("DELETE", "/model-projects/{model_project_id}", TEAM_ONLY),
    ("DELETE", "/regions/{region_id}", TEAM_ONLY),
    ("DELETE", "/tokens/{name}", TEAM_ONLY),
]


def expected_class(audience: str, caller: str) -> str:
    if audience == PUBLIC or caller == "team":
        return "served"
    if caller in ("none", "bad", "revoked host"):
        return "401"
    if caller == "host in scope":
        return "served" if audience == HOSTS else "403"
    if caller == "host out of scope":
        return "403"
    if caller == "monitor":
        return "served" if audience == MONITORS else "403"
    return "served" if audience in (READERS, MONITORS) else "403"


def answered_class(status: int) -> str:
    return str(status) if status in (401, 403) else "served" if status < 500 else f"{status}"


def operations(client: FlaskClient) -> set[tuple[str, str]]:
    document = client.get("/openapi.json").json
    return {
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method != "parameters"
    }


def test_the_matrix_names_every_documented_operation(client: FlaskClient) -> None:
    assert {(m, p) for m, p, _ in MATRIX} == operations(client)


def test_the_documented_roles_agree_with_the_matrix(client: FlaskClient) -> None:
    document = client.get("/openapi.json").json
    for method, path, audience in MATRIX:
        roles = set(document["paths"][path][method.lower()].get("x-roles", []))
        assert roles == ROLES_OF.get(audience, {"team"}), (method, path)


def run_matrix(
    client: FlaskClient, world: World, caller: str, token: str | None = None
) -> list[str]:
    api = ApiClient(client, token or CALLERS[caller])
    wrong = []
    for method, template, audience in MATRIX:
        response = api.call(method, world.fill(template), sample_body(method, template))
        expected, got = expected_class(audience, caller), answered_class(response.status_code)
        if expected != got:
            wrong.append(f"{method} {template} as {caller}: {response.status_code}, not {expected}")
        if response.status_code in (401, 403):
            assert response.mimetype == PROBLEM
        if response.status_code == 401:
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
    return wrong


def test_without_a_token_only_public_operations_answer(client: FlaskClient, world: World) -> None:
    assert run_matrix(client, world, "none") == []


def test_an_unknown_token_is_401_everywhere_it_matters(client: FlaskClient, world: World) -> None:
    assert run_matrix(client, world, "bad") == []


def test_an_auditor_reads_the_log_but_changes_nothing(client: FlaskClient, world: World) -> None:
    assert run_matrix(client, world, "auditor") == []


def test_the_team_is_never_refused(client: FlaskClient, world: World) -> None:
    assert run_matrix(client, world, "team") == []


def test_a_host_runs_its_own_series_and_nothing_else(
    client: FlaskClient, world: World, team: ApiClient
) -> None:
    token = issue_host(team, "host-inside", world.series_id)

    assert run_matrix(client, world, "host in scope", token) == []


def test_a_host_of_another_series_is_refused_on_this_one(
    client: FlaskClient, world: World, team: ApiClient
) -> None:
    elsewhere = team.announce(title="Eine andere Reihe").json["id"]
    token = issue_host(team, "host-outside", elsewhere)

    assert run_matrix(client, world, "host out of scope", token) == []


def test_a_revoked_host_is_refused_everywhere_it_was_let_in(
    client: FlaskClient, world: World, team: ApiClient
) -> None:
    token = issue_host(team, "host-revoked", world.series_id)
    assert team.delete("/tokens/host-revoked").status_code == 200

    assert run_matrix(client, world, "revoked host", token) == []


def test_a_monitor_reads_the_metrics_and_nothing_else_behind_a_token(
    client: FlaskClient, world: World, team: ApiClient
) -> None:
    issued = team.post("/tokens", {"name": "scrape", "role": "monitor"})
    assert issued.status_code == 201, issued.json

    assert run_matrix(client, world, "monitor", issued.json["token"]) == []


def issue_host(team: ApiClient, name: str, series_id: str) -> str:
    issued = team.post("/tokens", {"name": name, "role": "host", "series": [series_id]})
    assert issued.status_code == 201, issued.json
    return str(issued.json["token"])


ROOT = Path(__file__).resolve().parents[2]
COUNTED = {3: "Three", 4: "Four", 5: "Five"}


def described_roles(text: str) -> list[str]:
    """The roles a text describes, one `- **role**:` bullet each."""
    return re.findall(r"^- \*\*(\w+)\*\*:", text, flags=re.MULTILINE)


def test_the_docs_describe_every_role_a_token_takes_and_no_other() -> None:
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    who = api.split("## Who may do what", 1)[1].split("\n### ", 1)[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    roles = readme.split("## Roles", 1)[1].split("\n## ", 1)[0]

    assert sorted(described_roles(who)) == sorted(ROLES)
    assert sorted(described_roles(roles)) == sorted(ROLES)
    assert f"{COUNTED[len(ROLES)]} roles:" in who
    header = next(line for line in who.splitlines() if line.startswith("| operation |"))
    assert all(f"`{role}`" in header for role in ROLES), header
