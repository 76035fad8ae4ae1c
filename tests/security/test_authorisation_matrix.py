"""Every documented operation x {no token, bad token, auditor, team}: the expected answer."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.api.client import PROBLEM, ApiClient
from tests.security.conftest import CALLERS
from tests.security.world import World, sample_body

PUBLIC, READERS, TEAM_ONLY = "public", "auditor+team", "team"
# Destructive operations last, so the team's own calls do not remove what later rows need.
MATRIX: list[tuple[str, str, str]] = [
    ("GET", "/health", PUBLIC),
    ("GET", "/peer-learnings", PUBLIC),
    ("GET", "/peer-learnings/{peer_learning_id}", PUBLIC),
    ("GET", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}", PUBLIC),
    ("GET", "/peer-learnings/{peer_learning_id}/calendar.ics", PUBLIC),
    ("GET", "/calendar.ics", PUBLIC),
    ("GET", "/model-projects", READERS),
    ("GET", "/audit/events", READERS),
    ("GET", "/audit/streams/{stream_id}", READERS),
    ("GET", "/audit/export", READERS),
    ("GET", "/audit/verify", READERS),
    ("GET", "/peer-learnings/{peer_learning_id}/enrollments", TEAM_ONLY),
    ("GET", "/enrollments/{enrollment_id}", TEAM_ONLY),
    ("GET", "/enrollments/{enrollment_id}/participants/{participant_id}", TEAM_ONLY),
    ("GET", "/reminders", TEAM_ONLY),
    ("POST", "/peer-learnings", TEAM_ONLY),
    ("PATCH", "/peer-learnings/{peer_learning_id}", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/meetings", TEAM_ONLY),
    ("PUT", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/joining", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/enrollments", TEAM_ONLY),
    ("POST", "/enrollments/{enrollment_id}/participants", TEAM_ONLY),
    ("POST", "/model-projects", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}/held", TEAM_ONLY),
    ("DELETE", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/reflection", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/close", TEAM_ONLY),
    ("POST", "/peer-learnings/{peer_learning_id}/withdraw", TEAM_ONLY),
    ("DELETE", "/enrollments/{enrollment_id}/participants/{participant_id}", TEAM_ONLY),
    ("POST", "/enrollments/{enrollment_id}/withdraw", TEAM_ONLY),
    ("POST", "/enrollments/{enrollment_id}/reject", TEAM_ONLY),
    ("POST", "/participants/{subject_id}/erasure", TEAM_ONLY),
    ("DELETE", "/model-projects/{model_project_id}", TEAM_ONLY),
]


def expected_class(audience: str, caller: str) -> str:
    if audience == PUBLIC or caller == "team":
        return "served"
    if caller in ("none", "bad"):
        return "401"
    return "served" if audience == READERS else "403"


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
        assert roles == {PUBLIC: set(), READERS: {"auditor", "team"}}.get(audience, {"team"}), (
            method,
            path,
        )


def run_matrix(client: FlaskClient, world: World, caller: str) -> list[str]:
    api = ApiClient(client, CALLERS[caller])
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
