"""Verify recomputes the chain from the stored events of a real store."""

from __future__ import annotations

import base64
import json

from application.app import PeerLearningApp
from audit.export import export_lines
from audit.offline import verify_export
from audit.wiring import Audit
from store.settings import store_settings
from tests.audit.tampering import delete_event, flip_one_byte
from tests.support.samples import announce, municipality


def newest_position(app: PeerLearningApp) -> int:
    return app.recorder.max_notification_id() or 0


def record_some(app: PeerLearningApp) -> None:
    series_id = announce(app)
    enrollment_id, _ = app.enrol(series_id, municipality(), "Erika Muster", "e@example.org", "anna")
    app.join(enrollment_id, "Max Muster", "max@example.org", actor="anna")
    app.set_joining(series_id, open=False, actor="anna")


def test_an_untouched_log_verifies_and_names_its_head(
    audited_app: PeerLearningApp, audit: Audit
) -> None:
    record_some(audited_app)
    result = audit.verify(audited_app)
    head = newest_position(audited_app)
    assert result.ok and result.checked == head and result.unchained == 0
    assert result.head_position == head
    assert result.head_hash == audit.chain.head()[1]  # type: ignore[index]


def test_one_changed_byte_in_the_database_is_named(
    audited_app: PeerLearningApp, audit: Audit, store_url: str
) -> None:
    record_some(audited_app)
    target = newest_position(audited_app) - 2
    flip_one_byte(store_settings(store_url), audited_app, target)
    result = audit.verify(audited_app)
    assert not result.ok
    assert result.first_broken_position == target
    assert result.head_position == target - 1
    assert str(target) in (result.problem or "")


def test_a_deleted_event_is_detected(
    audited_app: PeerLearningApp, audit: Audit, store_url: str
) -> None:
    record_some(audited_app)
    delete_event(store_settings(store_url), audited_app, 2)
    result = audit.verify(audited_app)
    assert not result.ok and result.first_broken_position == 2
    assert "deleted" in (result.problem or "")


def test_deleting_the_newest_event_is_detected(
    audited_app: PeerLearningApp, audit: Audit, store_url: str
) -> None:
    record_some(audited_app)
    newest = newest_position(audited_app)
    delete_event(store_settings(store_url), audited_app, newest)
    assert audit.verify(audited_app).first_broken_position == newest


def test_the_follower_chains_each_event_once(audited_app: PeerLearningApp, audit: Audit) -> None:
    record_some(audited_app)
    assert audit.chain.catch_up(audited_app) == 0
    positions = [position for position, _ in audit.chain.rows()]
    assert positions == sorted(set(positions))
    assert len(positions) == newest_position(audited_app)


def test_an_export_verifies_on_its_own_and_names_an_edited_line(
    audited_app: PeerLearningApp, audit: Audit
) -> None:
    record_some(audited_app)
    lines = list(export_lines(audited_app, audit.chain))
    result = verify_export(lines)
    assert result.ok and result.head_hash == audit.verify(audited_app).head_hash
    entry = json.loads(lines[1])
    state = bytearray(base64.b64decode(entry["stored"]["state"]))
    state[5] ^= 0x01
    entry["stored"]["state"] = base64.b64encode(bytes(state)).decode()
    lines[1] = json.dumps(entry)
    assert verify_export(lines).first_broken_position == entry["position"]
