# mypy: disable-error-code="index"
"""Auditors follow people through the log by pseudonym; the team reads them as before."""

from __future__ import annotations

import json
from typing import Any

from audit.offline import verify_export
from peerlearning.bootstrap import Services
from tests.api.client import ApiClient
from tests.audit.tampering import every_table_text
from tests.security.world import SECRET_EMAILS, SECRET_NAMES, World, build_world, leaked


def audit_answers(reader: ApiClient, world: World) -> dict[str, str]:
    paths = (
        "/audit/events?limit=1000",
        f"/audit/streams/{world.enrollment_id}",
        f"/audit/streams/{world.series_id}",
        "/audit/export",
        f"/peer-learnings/{world.series_id}?version=1",
        f"/peer-learnings/{world.series_id}?as_of=2100-01-01T00:00:00Z",
    )
    answers = {path: reader.get(path) for path in paths}
    assert all(a.status_code == 200 for a in answers.values()), answers
    return {path: a.get_data(as_text=True) for path, a in answers.items()}


def people(entries: list[dict[str, Any]]) -> dict[str, str]:
    """The person each event names, by event type: the participant's or the contact's id."""
    found = {}
    for entry in entries:
        data = entry["data"]
        if entry["event_type"] == "Registered":
            found["contact"] = data["contact"]["subject_id"]
            assert data["contact"]["name"] == data["contact"]["email"] == found["contact"]
        if entry["event_type"] == "ParticipantJoined":
            person = data["participant"]["person"]
            found["participant"] = data["participant"]["participant_id"]
            assert person["subject_id"] == person["name"] == person["email"]
            assert person["subject_id"] == found["participant"]
    return found


def export_entries(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_an_auditor_reads_pseudonyms_everywhere_and_the_team_clear_values(
    team: ApiClient, auditor: ApiClient
) -> None:
    world = build_world(team)

    seen = audit_answers(auditor, world)
    assert {path: leaked(text) for path, text in seen.items()} == {path: [] for path in seen}
    log = json.loads(seen["/audit/events?limit=1000"])["items"]
    stream = json.loads(seen[f"/audit/streams/{world.enrollment_id}"])["items"]
    exported = export_entries(seen["/audit/export"])
    assert people(log) == people(stream) == people(exported)
    assert people(log)["participant"] not in (world.participant_id, people(log)["contact"])
    assert world.participant_id not in seen["/audit/events?limit=1000"]
    team_text = "".join(audit_answers(team, world).values())
    assert sorted(leaked(team_text)) == sorted([*SECRET_NAMES, *SECRET_EMAILS])


def test_an_auditors_export_still_verifies(team: ApiClient, auditor: ApiClient) -> None:
    build_world(team)

    lines = auditor.get("/audit/export").get_data(as_text=True).splitlines()
    verified = verify_export(lines)

    assert verified.ok and verified.checked == len(lines) > 0
    assert leaked("".join(lines)) == []


def test_after_erasure_the_pseudonym_stays_and_the_clear_value_is_gone(
    team: ApiClient, auditor: ApiClient, services: Services
) -> None:
    world = build_world(team)
    before = people(auditor.get("/audit/events?limit=1000").json["items"])

    erased = team.post(f"/participants/{world.participant_id}/erasure")
    assert erased.status_code == 200

    after = people(auditor.get("/audit/events?limit=1000").json["items"])
    assert after == before
    everything = "".join(audit_answers(team, world).values()) + every_table_text(services.settings)
    assert SECRET_NAMES[0] not in everything and SECRET_EMAILS[0] not in everything
    assert verify_export(auditor.get("/audit/export").get_data(as_text=True).splitlines()).ok
