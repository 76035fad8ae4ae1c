"""`peerlearning audit ...` against a real store named by the one setting."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from peerlearning.bootstrap import Services, bootstrap
from peerlearning.cli import main
from store.settings import DATABASE_URL, store_settings
from tests.audit.tampering import delete_event
from tests.support.keys import key_for
from tests.support.samples import announce, municipality


@pytest.fixture
def recorded(store_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    monkeypatch.setenv(DATABASE_URL, store_url)
    services = bootstrap(store_settings(store_url))
    series_id = announce(services.app, title="Reihe der Prüfung")
    services.app.enrol(series_id, municipality(), "Erika Muster", "erika@example.org", "anna")
    yield services
    services.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["audit", *argv])
    return code, capsys.readouterr().out


def test_verify_passes_then_names_a_deleted_event(
    recorded: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "verify")
    assert code == 0 and "Checked 4 events" in out
    delete_event(recorded.settings, recorded.app, 3)
    code, out = run(capsys, "verify")
    assert code == 1 and "BROKEN at position 3" in out


def test_export_writes_one_line_per_event_with_its_link(
    recorded: Services, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "log.jsonl"
    code, _ = run(capsys, "export", "--output", str(target), "--quiet")
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and [entry["position"] for entry in lines] == [1, 2, 3, 4]
    assert lines[-1]["chain"] == recorded.audit.chain.head()[1]  # type: ignore[index]


def test_history_as_of_and_replay(recorded: Services, capsys: pytest.CaptureFixture[str]) -> None:
    series_id = recorded.views.catalogue(on=datetime(2024, 10, 1).date())[0][0]["id"]
    code, out = run(capsys, "history", str(series_id))
    assert code == 0 and "PeerLearning.Announced" in out and "by anna" in out
    code, out = run(capsys, "as-of", datetime.now(UTC).isoformat(), "--on", "2024-10-01")
    assert code == 0 and "Reihe der Prüfung" in out and "1 Peer-Learnings" in out
    code, out = run(capsys, "as-of", "2020-01-01T00:00:00Z")
    assert code == 0 and "0 Peer-Learnings" in out
    code, out = run(capsys, "replay", "--quiet")
    assert code == 0 and "equal the live ones" in out


def test_a_moment_without_offset_is_explained(
    recorded: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "as-of", "2024-10-01T12:00"]) == 2
    assert "time zone offset" in capsys.readouterr().err


def test_erase_takes_the_id_of_a_declined_registrations_person(
    recorded: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    app = recorded.app
    series_id = recorded.views.catalogue(on=datetime(2024, 10, 1).date())[0][0]["id"]
    contact = {"name": "Dora Abgelehnt", "email": "dora.abgelehnt@example.org"}
    registration_id, _ = app.register(
        series_id, {"name": "Gemeinde Nein", "key": key_for("Gemeinde Nein")}, contact, [], "public"
    )
    app.confirm_registration(registration_id, actor="public:p-1")
    app.decline_registration(registration_id, "Nicht im Programm", actor="anna")
    subject_id = app.registration(registration_id).contact.participant_id

    code, out = run(capsys, "erase", str(subject_id), "--actor", "anna")

    assert code == 0 and f"in registration {registration_id}" in out
    reread = bootstrap(store_settings(recorded.settings.url))
    try:
        assert reread.app.registration(registration_id).contact.person.is_erased
    finally:
        reread.close()
    code, out = run(capsys, "history", str(registration_id))
    assert code == 0 and "Registration.PersonalDataErased" in out and "by anna" in out
    assert "dora" not in out.lower()
