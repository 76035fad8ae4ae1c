"""`audit verify --export` holds every line's readable fields against its stored record."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from application.app import PeerLearningApp
from audit.export import export_lines
from audit.offline import verify_export
from audit.wiring import Audit
from peerlearning.bootstrap import Services
from peerlearning.cli import main
from tests.api.client import ApiClient
from tests.audit.test_tamper_evidence import record_some
from tests.security.world import build_world

Edit = Callable[[dict[str, Any]], None]


def _add_to_data(entry: dict[str, Any]) -> None:
    entry["data"]["approved_by"] = "someone-else"


def _first_text_in_data(entry: dict[str, Any]) -> None:
    name = next(k for k, v in entry["data"].items() if isinstance(v, str))
    entry["data"][name] += " (changed)"


EDITS: dict[str, tuple[Edit, str]] = {
    "actor": (lambda e: e.update(actor="someone-else"), "`actor`"),
    "timestamp": (lambda e: e.update(timestamp="2020-01-01T00:00:00+00:00"), "`timestamp`"),
    "event_type": (lambda e: e.update(event_type="SeriesCancelled"), "`event_type`"),
    "stream_type": (lambda e: e.update(stream_type="Nothing"), "`stream_type`"),
    "a key added to data": (_add_to_data, "`data.approved_by`"),
    "a key taken from data": (lambda e: e["data"].popitem(), "`data."),
    "a value in data": (_first_text_in_data, "`data."),
    "a new top-level key": (lambda e: e.update(note="checked"), "`note`"),
    "a missing top-level key": (lambda e: e.pop("actor"), "`actor`"),
}


def _exported(app: PeerLearningApp, audit: Audit) -> list[str]:
    record_some(app)
    return list(export_lines(app, audit.chain))


def _edited(lines: list[str], index: int, edit: Edit) -> tuple[list[str], int]:
    entry = json.loads(lines[index])
    edit(entry)
    changed = list(lines)
    changed[index] = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    return changed, entry["position"]


def test_an_untouched_export_verifies(audited_app: PeerLearningApp, audit: Audit) -> None:
    lines = _exported(audited_app, audit)
    result = verify_export(lines)
    assert result.ok and result.checked == len(lines) and result.problem is None


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
def test_a_changed_readable_field_is_named_with_its_line(
    audited_app: PeerLearningApp, audit: Audit, edit: str
) -> None:
    lines = _exported(audited_app, audit)
    change, field = EDITS[edit]
    changed, position = _edited(lines, 2, change)

    result = verify_export(changed)

    assert not result.ok and result.first_broken_position == position
    assert result.head_position == position - 1 and result.checked == 2
    assert f"Line 3 (position {position})" in (result.problem or "")
    assert field in (result.problem or "")


def test_a_participants_id_changed_in_a_team_export_is_named(
    audited_app: PeerLearningApp, audit: Audit
) -> None:
    lines = _exported(audited_app, audit)
    index = next(i for i, line in enumerate(lines) if '"ParticipantJoined"' in line)
    other = "00000000-0000-4000-8000-000000000000"
    changed, position = _edited(
        lines, index, lambda e: e["data"]["participant"]["person"].update(subject_id=other)
    )
    result = verify_export(changed)
    assert result.first_broken_position == position
    assert "`data.participant.person.subject_id`" in (result.problem or "")


def test_a_changed_stored_record_is_still_named_by_the_chain(
    audited_app: PeerLearningApp, audit: Audit
) -> None:
    lines = _exported(audited_app, audit)
    changed, position = _edited(lines, 1, lambda e: e.update(version=e["version"] + 1))
    result = verify_export(changed)
    assert result.first_broken_position == position
    assert "differs from what was recorded" in (result.problem or "")


def _auditors_export(team: ApiClient, auditor: ApiClient) -> list[str]:
    build_world(team)
    return str(auditor.get("/audit/export").get_data(as_text=True)).splitlines()


def test_pseudonyms_in_an_auditors_export_pass_but_not_one_swapped_for_another(
    team: ApiClient, auditor: ApiClient
) -> None:
    lines = _auditors_export(team, auditor)
    assert verify_export(lines).ok
    joined = next(i for i, line in enumerate(lines) if '"ParticipantJoined"' in line)
    registered = next(i for i, line in enumerate(lines) if '"Registered"' in line)
    contact = json.loads(lines[registered])["data"]["contact"]["subject_id"]

    def swap(entry: dict[str, Any]) -> None:
        entry["data"]["participant"]["participant_id"] = contact

    changed, position = _edited(lines, joined, swap)
    result = verify_export(changed)
    assert result.first_broken_position == position
    assert "another person" in (result.problem or "")


def test_the_command_fails_on_a_tampered_export_and_names_line_and_field(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_some(services.app)
    lines = list(export_lines(services.app, services.audit.chain))
    target = tmp_path / "tampered.jsonl"

    target.write_text("".join(lines), encoding="utf-8")
    assert main(["audit", "verify", "--export", str(target)]) == 0
    assert "matches its chain" in capsys.readouterr().out

    changed, position = _edited(lines, 1, EDITS["actor"][0])
    target.write_text("\n".join(line.rstrip("\n") for line in changed) + "\n", encoding="utf-8")
    assert main(["audit", "verify", "--export", str(target)]) == 1
    out = capsys.readouterr().out
    assert f"BROKEN at position {position}" in out
    assert f"Line 2 (position {position})" in out and "`actor`" in out
