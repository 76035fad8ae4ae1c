"""Participants join and leave an enrolment over HTTP."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from peerlearning.bootstrap import Services
from tests.api.client import ApiClient

PERSON = {
    "name": "Jonas Beispiel",
    "email": "jonas@arnsberg.example",
    "locale": "en",
    "timezone": "Europe/Berlin",
}


@pytest.fixture
def enrollment(team: ApiClient, series: dict[str, Any]) -> dict[str, Any]:
    return team.enrol(series["id"]).json  # type: ignore[no-any-return]


def path(enrollment: dict[str, Any]) -> str:
    return f"/enrollments/{enrollment['id']}/participants"


def test_join_answers_201_with_participant_id_and_location(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    response = team.post(path(enrollment), PERSON)

    participant = response.json
    assert response.status_code == 201
    assert participant["participant_id"] and participant["left_at"] is None
    assert (participant["name"], participant["locale"]) == ("Jonas Beispiel", "en")
    assert participant["joined_at"] == "2024-09-20T08:00:00+00:00"
    assert response.headers["Location"] == f"{path(enrollment)}/{participant['participant_id']}"
    assert team.get(response.headers["Location"]).json == participant
    roster = team.get(f"/enrollments/{enrollment['id']}").json
    assert [p["participant_id"] for p in roster["participants"]] == [participant["participant_id"]]


def test_leave_keeps_the_participant_with_left_at(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    joined = team.post(path(enrollment), PERSON)
    where = joined.headers["Location"]

    left = team.delete(where, headers={"If-Match": joined.headers["ETag"]})

    assert left.status_code == 200 and left.json["left_at"] is not None
    again = team.delete(where, headers={"If-Match": left.headers["ETag"]})
    assert again.status_code == 200 and again.json == left.json
    assert again.headers["ETag"] == left.headers["ETag"]
    assert team.delete(where).json == left.json
    unknown = where.rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000009"
    assert team.delete(unknown).status_code == 404


def test_the_same_email_cannot_join_twice(team: ApiClient, enrollment: dict[str, Any]) -> None:
    team.post(path(enrollment), PERSON)

    again = team.post(path(enrollment), {**PERSON, "email": "JONAS@arnsberg.example"})

    assert again.status_code == 409 and "already takes part" in again.json["detail"]


def test_join_refuses_bad_shapes_and_values(team: ApiClient, enrollment: dict[str, Any]) -> None:
    wrong_locale = team.post(path(enrollment), {**PERSON, "locale": "fr"})
    no_email = team.post(path(enrollment), {"name": "Ohne Mail"})
    bad_email = team.post(path(enrollment), {**PERSON, "email": "nicht-gültig"})
    bad_zone = team.post(path(enrollment), {**PERSON, "timezone": "Mars/Olympus"})

    assert "locale" in wrong_locale.json["errors"]
    assert "email" in no_email.json["errors"]
    assert bad_email.status_code == 422
    assert "not a valid e-mail" in str(bad_email.json["errors"]["email"])
    assert bad_zone.status_code == 422 and "Unknown time zone" in bad_zone.json["detail"]


def test_participant_writes_check_the_enrolment_version(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    stale = f'"{enrollment["version"] - 1}"'
    current = f'"{enrollment["version"]}"'

    assert team.post(path(enrollment), PERSON, headers={"If-Match": stale}).status_code == 412
    assert team.post(path(enrollment), PERSON, headers={"If-Match": current}).status_code == 201


def test_participants_of_another_enrolment_or_unknown_ones_are_404(
    team: ApiClient, series: dict[str, Any], enrollment: dict[str, Any]
) -> None:
    other = team.enrol(series["id"], "Stadt Meschede").json
    joined = team.post(path(enrollment), PERSON).json
    unknown = "00000000-0000-4000-8000-000000000004"

    assert team.get(f"{path(other)}/{joined['participant_id']}").status_code == 404
    assert team.get(f"{path(enrollment)}/{unknown}").status_code == 404
    assert team.delete(f"{path(enrollment)}/{unknown}").status_code == 404
    assert team.post(f"/enrollments/{unknown}/participants", PERSON).status_code == 404


def test_participants_are_personal_data_for_the_team_only(
    team: ApiClient, auditor: ApiClient, enrollment: dict[str, Any]
) -> None:
    where = team.post(path(enrollment), PERSON).headers["Location"]

    assert auditor.get(where).status_code == 403
    assert auditor.post(path(enrollment), PERSON).status_code == 403
    assert ApiClient(team.client, None).delete(where).status_code == 401


CONTACT_AS_PARTICIPANT = {"name": "Petra Kontakt", "email": "petra@arnsberg.example"}


def names(team: ApiClient, enrollment: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The contact's name and address, then the participant's, as the enrolment shows them."""
    shown = team.get(f"/enrollments/{enrollment['id']}").json
    [participant] = shown["participants"]
    return (
        (shown["contact"]["name"], shown["contact"]["email"]),
        (participant["name"], participant["email"]),
    )


@pytest.mark.parametrize(
    ("where", "changes"),
    [
        ("contact", {"name": "Petra Neu", "email": "petra.neu@arnsberg.example"}),
        ("participant", {"name": "Petra Neu", "email": "petra.neu@arnsberg.example"}),
        ("participant", {"name": "Petra Neu", "email": "PETRA.NEU@arnsberg.example"}),
    ],
)
def test_the_contact_who_also_takes_part_keeps_one_name_and_address(
    team: ApiClient,
    services: Services,
    enrollment: dict[str, Any],
    where: str,
    changes: dict[str, str],
) -> None:
    """The same address is the same person: a correction as contact or as participant is a
    correction of both, each an event of the enrolment with the actor who made it."""
    joined = team.post(path(enrollment), {**CONTACT_AS_PARTICIPANT, "locale": "en"}).json
    target = {
        "contact": f"/enrollments/{enrollment['id']}/contact",
        "participant": f"{path(enrollment)}/{joined['participant_id']}",
    }[where]

    corrected = team.patch(target, changes)

    assert corrected.status_code == 200, corrected.json
    person = (changes["name"], changes["email"])
    assert names(team, enrollment) == (person, person)
    assert team.get(f"{path(enrollment)}/{joined['participant_id']}").json["locale"] == "en"
    last = list(services.app.events.get(UUID(enrollment["id"])))[-2:]
    assert sorted(type(e).__name__ for e in last) == ["ContactCorrected", "ParticipantCorrected"]
    assert {e.actor for e in last} == {"anna"}
    again = team.patch(target, changes)
    assert again.status_code == 200 and again.headers["ETag"] == corrected.headers["ETag"]


def test_a_contact_who_does_not_take_part_is_corrected_alone(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    team.post(path(enrollment), PERSON)

    team.patch(f"/enrollments/{enrollment['id']}/contact", {"name": "Petra Neu"})

    contact, participant = names(team, enrollment)
    assert contact == ("Petra Neu", "petra@arnsberg.example")
    assert participant == (PERSON["name"], PERSON["email"])


def test_the_contact_cannot_take_the_address_of_another_participant_along_with_their_own(
    team: ApiClient, enrollment: dict[str, Any]
) -> None:
    """Moving the contact moves the participant who is the contact; onto an address another
    participant has, that would be two participants with one address."""
    team.post(path(enrollment), CONTACT_AS_PARTICIPANT)
    team.post(path(enrollment), PERSON)

    refused = team.patch(f"/enrollments/{enrollment['id']}/contact", {"email": PERSON["email"]})

    assert refused.status_code == 409 and "already takes part" in refused.json["detail"]
    shown = team.get(f"/enrollments/{enrollment['id']}").json
    assert shown["contact"]["email"] == "petra@arnsberg.example"
