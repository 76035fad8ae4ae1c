"""The team's list of regions over HTTP: a regional series names only listed regions, and who
may join follows the official keys those regions span."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.api.client import SUEDWESTFALEN, ApiClient, enrol_body


def enrol(team: ApiClient, series: dict[str, Any], name: str, **place: Any) -> Any:
    return team.post(f"/peer-learnings/{series['id']}/enrollments", enrol_body(name, **place))


def test_the_team_lists_regions_that_anyone_may_read(team: ApiClient, client: FlaskClient) -> None:
    added = team.add_region()

    assert added.json["name"] == "Südwestfalen" and added.json["keys"] == list(SUEDWESTFALEN)
    listed = client.get("/regions")
    assert listed.status_code == 200 and listed.json == [added.json]
    assert listed.headers["ETag"] == added.headers["ETag"]


def test_a_region_is_named_once_and_spans_proper_keys(team: ApiClient, auditor: ApiClient) -> None:
    team.add_region()

    again = team.post("/regions", {"name": " SÜDWESTFALEN", "keys": ["05958"]})
    bad_key = team.post("/regions", {"name": "Sauerland", "keys": ["0595"]})
    no_keys = team.post("/regions", {"name": "Sauerland", "keys": []})
    by_auditor = auditor.post("/regions", {"name": "Sauerland", "keys": ["05958"]})

    assert again.status_code == 409 and "on the list already" in again.json["detail"]
    assert bad_key.status_code == 422
    assert "a district's 5" in str(bad_key.json["errors"]["keys"])
    assert no_keys.status_code == 422 and "keys" in no_keys.json["errors"]
    assert by_auditor.status_code == 403


def test_a_regional_series_names_only_listed_regions_as_listed(team: ApiClient) -> None:
    body = {"scope": "regional", "regions": ["Sauerland"]}
    refused = team.post("/peer-learnings", {**team.announce().json, **body})
    team.add_region()

    assert refused.status_code in (400, 422)
    series = team.announce(scope="regional", regions=[" südwestfalen"]).json
    assert series["regions"] == ["Südwestfalen"]
    revised = team.patch(f"/peer-learnings/{series['id']}", {"regions": ["Sauerland"]})
    assert revised.status_code == 422 and "not on the team's list" in revised.json["detail"]


def test_who_may_join_follows_the_key_not_the_typed_region(team: ApiClient) -> None:
    team.add_region()
    series = team.announce(scope="regional", regions=["Südwestfalen"]).json

    kiel = enrol(team, series, "Stadt Kiel", key="01002000", state=None, region="Südwestfalen")
    olpe = enrol(team, series, "Stadt Olpe", key="05966024", state=None, region=None)

    assert kiel.status_code == 409 and "01002000" in kiel.json["detail"]
    assert olpe.status_code == 201


def test_corrected_keys_decide_from_then_on(team: ApiClient) -> None:
    region = team.add_region(keys=("05958",)).json
    series = team.announce(scope="regional", regions=["Südwestfalen"]).json
    assert enrol(team, series, "Stadt Olpe", key="05966024", state=None).status_code == 409

    stale = team.put(f"/regions/{region['id']}", {"keys": ["05966"]}, headers={"If-Match": '"0"'})
    changed = team.put(f"/regions/{region['id']}", {"keys": list(SUEDWESTFALEN)})

    assert stale.status_code == 412
    assert changed.status_code == 200 and changed.json["keys"] == list(SUEDWESTFALEN)
    assert enrol(team, series, "Stadt Olpe", key="05966024", state=None).status_code == 201


def test_a_region_a_series_names_stays_until_no_series_names_it(team: ApiClient) -> None:
    region = team.add_region().json
    unused = team.add_region("Oberbergisches Land", ("05374",)).json
    series = team.announce(scope="regional", regions=["Südwestfalen"]).json

    in_use = team.delete(f"/regions/{region['id']}")
    removed = team.delete(f"/regions/{unused['id']}")

    assert in_use.status_code == 409 and "revise their regions first" in in_use.json["detail"]
    assert removed.status_code == 204
    team.patch(f"/peer-learnings/{series['id']}", {"scope": "thematic", "regions": []})
    assert team.delete(f"/regions/{region['id']}").status_code == 204
    assert team.get("/regions").json == []
    assert team.delete(f"/regions/{region['id']}").status_code == 404
