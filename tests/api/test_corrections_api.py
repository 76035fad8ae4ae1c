"""Correcting a participant's or the contact's facts over HTTP."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.client import ApiClient
from tests.api.test_participants_api import PERSON, path


@pytest.fixture
def enrollment(team: ApiClient, series: dict[str, Any]) -> dict[str, Any]:
    return team.enrol(series["id"]).json  # type: ignore[no-any-return]


@pytest.fixture
def joined(team: ApiClient, enrollment: dict[str, Any]) -> Any:
    return team.post(path(enrollment), PERSON)


def test_a_participant_is_corrected_and_reads_so_everywhere(
    team: ApiClient, enrollment: dict[str, Any], joined: Any
) -> None:
    where = joined.headers["Location"]
    changes = {"email": "jonas.b@arnsberg.example", "locale": "de", "timezone": None}

    corrected = team.patch(where, changes, headers={"If-Match": joined.headers["ETag"]})

    assert corrected.status_code == 200, corrected.json
    assert corrected.json == {**joined.json, **changes}
    assert corrected.headers["ETag"] != joined.headers["ETag"]
    assert team.get(where).json == corrected.json
    roster = team.get(f"/enrollments/{enrollment['id']}").json
    assert roster["participants"] == [corrected.json]


def test_a_participant_correction_is_checked(
    team: ApiClient, enrollment: dict[str, Any], joined: Any
) -> None:
    where = joined.headers["Location"]
    other = team.post(path(enrollment), {**PERSON, "email": "mia@arnsberg.example"})

    bad_email = team.patch(where, {"email": "keine-adresse"})
    unknown = team.patch(where, {"status": "admitted"})
    bad_zone = team.patch(where, {"timezone": "Mond/Krater"})
    taken = team.patch(where, {"email": "MIA@arnsberg.example"})
    stale = team.patch(where, {"name": "Jonas B."}, headers={"If-Match": joined.headers["ETag"]})
    unquoted = team.patch(where, {"name": "Jonas B."}, headers={"If-Match": "3"})
    missing = team.patch(f"{path(enrollment)}/00000000-0000-4000-8000-000000000009", {})

    assert bad_email.status_code == unknown.status_code == bad_zone.status_code == 422
    assert taken.status_code == 409 and "already takes part" in taken.json["detail"]
    assert other.status_code == 201 and stale.status_code == 412
    assert unquoted.status_code == 400 and missing.status_code == 404
    assert team.get(where).json == joined.json


def test_a_participant_who_left_is_not_corrected(team: ApiClient, joined: Any) -> None:
    where = joined.headers["Location"]
    team.delete(where)

    refused = team.patch(where, {"name": "Jonas B."})

    assert refused.status_code == 409 and "has left" in refused.json["detail"]


def test_the_contact_is_corrected(team: ApiClient, enrollment: dict[str, Any]) -> None:
    where = f"/enrollments/{enrollment['id']}/contact"
    current = team.get(f"/enrollments/{enrollment['id']}")

    corrected = team.patch(
        where, {"name": "Clara K. Kontakt"}, headers={"If-Match": current.headers["ETag"]}
    )
    bad = team.patch(where, {"email": "nein"})
    unknown = team.patch(where, {"locale": "en"})

    assert corrected.status_code == 200, corrected.json
    contact = corrected.json["contact"]
    assert contact == {**enrollment["contact"], "name": "Clara K. Kontakt"}
    assert team.get(f"/enrollments/{enrollment['id']}").json["contact"] == contact
    assert bad.status_code == unknown.status_code == 422


def test_corrections_need_the_team_role(
    auditor: ApiClient, enrollment: dict[str, Any], joined: Any
) -> None:
    where = joined.headers["Location"]
    assert auditor.patch(where, {"name": "X"}).status_code == 403
    assert (
        auditor.patch(f"/enrollments/{enrollment['id']}/contact", {"name": "X"}).status_code == 403
    )
