"""The official key over HTTP: required, its Land checked, a municipality's identity."""

from __future__ import annotations

from typing import Any

from tests.api.client import ApiClient, enrol_body

LUEBECK = "01003000"
DORNSTADT = "08425031"
KALLETAL, LEMGO = "05766036", "05766044"


def enrol_path(series: dict[str, Any]) -> str:
    return f"/peer-learnings/{series['id']}/enrollments"


def place(name: str, key: str, **more: Any) -> dict[str, Any]:
    return {"name": name, "key": key, **more}


def enrolment(name: str, key: str, **more: Any) -> dict[str, Any]:
    return {**enrol_body(), "municipality": place(name, key, **more)}


def test_another_spelling_of_a_funded_model_project_is_refused(
    team: ApiClient, series: dict[str, Any]
) -> None:
    listed = team.post("/model-projects", place("Hansestadt Lübeck", LUEBECK))

    response = team.post(enrol_path(series), enrolment("Stadt Lübeck", LUEBECK))

    assert listed.status_code == 201 and listed.json["state"] == "Schleswig-Holstein"
    assert response.status_code == 409
    assert "Stadt Lübeck is funded as a model project" in response.json["detail"]
    assert team.get(enrol_path(series)).json == []


def test_two_spellings_with_one_key_are_one_enrolment(
    team: ApiClient, series: dict[str, Any]
) -> None:
    first = team.post(enrol_path(series), enrolment("Gemeinde Dornstadt", DORNSTADT))
    second = team.post(enrol_path(series), enrolment("Dornstadt", DORNSTADT, state="BW"))

    assert first.status_code == 201
    assert first.json["municipality"]["state"] == "Baden-Württemberg"
    assert second.status_code == 409 and "already enrolled" in second.json["detail"]
    roster = team.get(enrol_path(series)).json
    assert [e["municipality"]["name"] for e in roster] == ["Gemeinde Dornstadt"]


def test_a_missing_key_is_422_naming_the_field(team: ApiClient, series: dict[str, Any]) -> None:
    body = enrol_body("Gemeinde Dornstadt")
    del body["municipality"]["key"]

    response = team.post(enrol_path(series), body)
    empty = team.post(enrol_path(series), enrolment("Gemeinde Dornstadt", None))  # type: ignore[arg-type]

    assert response.status_code == 422
    assert list(response.json["errors"]["municipality"]) == ["key"]
    assert empty.status_code == 422 and "key" in empty.json["errors"]["municipality"]
    assert team.get(enrol_path(series)).json == []


def test_a_key_of_another_shape_is_422(team: ApiClient, series: dict[str, Any]) -> None:
    for key in ("0842503", "084250311", "00425031", "0842503x"):
        response = team.post(enrol_path(series), enrolment("Gemeinde Dornstadt", key))
        assert response.status_code == 422, key
        assert "8 digits for a municipality" in str(response.json["errors"]["municipality"]["key"])


def test_a_state_disagreeing_with_the_key_is_422_naming_the_keys_land(
    team: ApiClient, series: dict[str, Any]
) -> None:
    body = enrolment("Gemeinde Dornstadt", DORNSTADT, state="Bayern")

    response = team.post(enrol_path(series), body)

    assert response.status_code == 422
    message = str(response.json["errors"]["municipality"]["state"])
    assert f"{DORNSTADT} belongs to Baden-Württemberg, not to Bayern" in message


def test_a_joint_project_lists_every_members_key_and_excludes_each(
    team: ApiClient, series: dict[str, Any]
) -> None:
    joint = place("Kalletal und Lemgo", KALLETAL, further_keys=[LEMGO])

    listed = team.post("/model-projects", joint)
    lemgo = team.post(enrol_path(series), enrolment("Alte Hansestadt Lemgo", LEMGO))
    lage = team.post(enrol_path(series), enrolment("Stadt Lage", "05766040"))

    assert listed.status_code == 201 and listed.json["keys"] == [KALLETAL, LEMGO]
    assert lemgo.status_code == 409 and "funded as a model project" in lemgo.json["detail"]
    assert lage.status_code == 201


def test_a_funded_district_excludes_its_municipalities(
    team: ApiClient, series: dict[str, Any]
) -> None:
    team.post("/model-projects", place("Landkreis Mayen-Koblenz", "07137"))

    andernach = team.post(enrol_path(series), enrolment("Stadt Andernach", "07137003"))
    koblenz = team.post(enrol_path(series), enrolment("Stadt Koblenz", "07111000"))

    assert andernach.status_code == 409
    assert koblenz.status_code == 201


def test_a_model_project_needs_its_key(team: ApiClient) -> None:
    response = team.post("/model-projects", {"name": "Hansestadt Lübeck"})
    wrong_land = team.post("/model-projects", place("Hansestadt Lübeck", LUEBECK, state="NRW"))

    assert response.status_code == 422 and list(response.json["errors"]) == ["key"]
    assert wrong_land.status_code == 422
    assert "belongs to Schleswig-Holstein" in str(wrong_land.json["errors"]["state"])
