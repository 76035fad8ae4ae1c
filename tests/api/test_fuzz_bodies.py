"""Whatever JSON arrives, the API answers with a 2xx or a 4xx problem, never a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.client import PROBLEM, ApiClient, announce_body, enrol_body, meeting_body

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def valid_bodies(series_id: str, meeting_id: str, enrollment_id: str) -> dict[str, tuple]:
    day = date(2024, 11, 5)
    return {
        "announce": ("POST", "/peer-learnings", announce_body()),
        "revise": ("PATCH", f"/peer-learnings/{series_id}", {"capacity": 4}),
        "schedule": (
            "POST",
            f"/peer-learnings/{series_id}/meetings",
            meeting_body("exchange", day),
        ),
        "reschedule": (
            "PUT",
            f"/peer-learnings/{series_id}/meetings/{meeting_id}",
            {
                k: v
                for k, v in meeting_body("kickoff", day).items()
                if k in ("starts_at", "ends_at")
            },
        ),
        "held": (
            "POST",
            f"/peer-learnings/{series_id}/meetings/{meeting_id}/held",
            {"attendance": 3},
        ),
        "joining": ("POST", f"/peer-learnings/{series_id}/joining", {"open": True}),
        "enrol": ("POST", f"/peer-learnings/{series_id}/enrollments", enrol_body("Stadt Olpe")),
        "join": (
            "POST",
            f"/enrollments/{enrollment_id}/participants",
            {"name": "Ida", "email": "ida@olpe.example"},
        ),
        "reject": ("POST", f"/enrollments/{enrollment_id}/reject", {"reason": "x"}),
        "model project": ("POST", "/model-projects", {"name": "Stadt Ulm"}),
    }


@pytest.fixture
def bodies(team: ApiClient, series: dict[str, Any]) -> dict[str, tuple]:
    meeting = team.schedule(series["id"], "kickoff", date(2024, 10, 8)).json
    enrollment = team.enrol(series["id"]).json
    return valid_bodies(series["id"], meeting["meeting_id"], enrollment["id"])


def assert_no_server_error(response: Any) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)
    if response.status_code >= 400:
        assert response.mimetype == PROBLEM


@pytest.mark.heavy
@FUZZ
@given(name=st.sampled_from(list(valid_bodies("s", "m", "e"))), body=JSON)
def test_any_json_body_is_answered_without_a_server_error(
    team: ApiClient, bodies: dict[str, tuple], name: str, body: Any
) -> None:
    method, path, _ = bodies[name]

    assert_no_server_error(team.call(method, path, body))


@pytest.mark.heavy
@FUZZ
@given(name=st.sampled_from(list(valid_bodies("s", "m", "e"))), value=JSON, pick=st.integers())
def test_one_field_of_a_valid_body_replaced_is_never_a_server_error(
    team: ApiClient, bodies: dict[str, tuple], name: str, value: Any, pick: int
) -> None:
    method, path, valid = bodies[name]
    field = sorted(valid)[pick % len(valid)]

    assert_no_server_error(team.call(method, path, {**valid, field: value}))
