"""The list of funded model projects over HTTP."""

from __future__ import annotations

from typing import Any

from tests.api.client import ApiClient, enrol_body

WUPPERTAL = {
    "name": "Stadt Wuppertal",
    "key": "05124000",
    "state": "Nordrhein-Westfalen",
    "region": "Bergisches",
}


def test_add_list_and_remove_a_model_project(team: ApiClient, auditor: ApiClient) -> None:
    added = team.post("/model-projects", WUPPERTAL)

    assert added.status_code == 201
    assert {k: added.json[k] for k in WUPPERTAL} == WUPPERTAL
    listed = auditor.get("/model-projects")
    assert listed.status_code == 200 and listed.json == [added.json]
    assert listed.headers["ETag"] == added.headers["ETag"]

    removed = team.delete(f"/model-projects/{added.json['id']}")

    assert removed.status_code == 204 and removed.get_data() == b""
    assert team.get("/model-projects").json == []


def test_a_model_project_may_not_enrol(team: ApiClient, series: dict[str, Any]) -> None:
    team.post("/model-projects", WUPPERTAL)

    response = team.post(
        f"/peer-learnings/{series['id']}/enrollments", enrol_body("Stadt Wuppertal")
    )

    assert response.status_code == 409
    assert "funded as a model project" in response.json["detail"]


def test_listing_twice_is_409_and_removing_an_unknown_one_is_404(team: ApiClient) -> None:
    team.post("/model-projects", WUPPERTAL)

    again = team.post("/model-projects", {"name": "stadt wuppertal", "key": "05124000"})
    unknown = team.delete("/model-projects/00000000-0000-4000-8000-000000000005")

    assert again.status_code == 409 and "already listed" in again.json["detail"]
    assert unknown.status_code == 404


def test_model_project_changes_check_the_list_version(team: ApiClient) -> None:
    assert team.get("/model-projects").headers["ETag"] == '"0"'
    first = team.post("/model-projects", WUPPERTAL, headers={"If-Match": '"0"'})

    stale = team.post(
        "/model-projects", {"name": "Stadt Ulm", "key": "08421000"}, headers={"If-Match": '"0"'}
    )
    stale_delete = team.delete(f"/model-projects/{first.json['id']}", headers={"If-Match": '"0"'})

    assert first.status_code == 201
    assert stale.status_code == 412 and stale_delete.status_code == 412


def test_model_projects_need_a_known_role(team: ApiClient, auditor: ApiClient) -> None:
    anonymous = ApiClient(team.client, None)

    assert anonymous.get("/model-projects").status_code == 401
    assert auditor.post("/model-projects", WUPPERTAL).status_code == 403
    assert auditor.delete("/model-projects/00000000-0000-4000-8000-000000000005").status_code == 403
    assert team.post("/model-projects", {"name": "Ulm", "key": "abc"}).status_code == 422
