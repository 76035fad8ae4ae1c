"""Events stored in an older shape are read through their upcaster."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime

from eventsourcing.domain import Snapshot

from application.app import PeerLearningApp
from domain.enrollment import Enrollment
from domain.values import MeetingState
from tests.integration.helpers import recorded_events
from tests.integration.raw_store import insert_event
from tests.support.samples import announce, municipality, schedule

V1_TOPIC = "domain.peer_learning:PeerLearning.MeetingCancelled"


def v1_meeting_cancelled(meeting_id: str, recorded_at: datetime) -> bytes:
    """The first shape of MeetingCancelled: no reason, no class_version."""
    state = {
        "timestamp": {"_type_": "datetime_iso", "_data_": recorded_at.isoformat()},
        "meeting_id": {"_type_": "uuid_hex", "_data_": meeting_id},
        "actor": "anna",
    }
    return json.dumps(state, separators=(",", ":")).encode("utf-8")


def test_a_v1_meeting_cancelled_reads_with_reason_none(
    app: PeerLearningApp, store_url: str
) -> None:
    series_id = announce(app)
    meeting_id = schedule(app, series_id, "exchange", date(2024, 11, 5))
    recorded_at = datetime(2024, 9, 21, 7, 30, tzinfo=UTC)
    state = v1_meeting_cancelled(meeting_id.hex, recorded_at)
    insert_event(app, store_url, series_id, 3, V1_TOPIC, state)
    series = app.series(series_id)
    assert series.version == 3
    assert series.meeting(meeting_id).state == MeetingState.CANCELLED
    cancelled = recorded_events(app, series_id)[-1]
    assert type(cancelled).__name__ == "MeetingCancelled"
    assert (cancelled.reason, cancelled.actor, cancelled.timestamp) == (None, "anna", recorded_at)


def test_a_v2_meeting_cancelled_keeps_its_reason(app: PeerLearningApp) -> None:
    series_id = announce(app)
    meeting_id = schedule(app, series_id, "exchange", date(2024, 11, 5))
    app.cancel_meeting(series_id, meeting_id, actor="anna", reason="Referentin erkrankt")
    assert recorded_events(app, series_id)[-1].reason == "Referentin erkrankt"
    assert b'"class_version":2' in app.recorder.select_events(series_id, gt=2)[0].state


def without_the_contact_locale(state: bytes) -> bytes:
    """A version 2 state as version 1 wrote it: no contact's language, no class_version."""
    fields = json.loads(state)
    assert fields.pop("class_version") == 2 and fields.pop("contact_locale") == "en"
    return json.dumps(fields, separators=(",", ":")).encode("utf-8")


def test_a_v1_registered_enrolment_reads_with_a_german_contact(app: PeerLearningApp) -> None:
    series_id = announce(app)
    enrollment_id, _ = app.enrol(
        series_id, municipality(), "Erika Muster", "e@example.org", "anna", contact_locale="en"
    )
    [stored] = app.recorder.select_events(enrollment_id, lte=1)
    assert type(app.mapper.to_domain_event(stored)).__name__ == "Registered"
    old = replace(stored, state=without_the_contact_locale(stored.state))
    registered = app.mapper.to_domain_event(old)
    assert (registered.contact_locale, registered.contact.name) == ("de", "Erika Muster")
    assert app.enrollment(enrollment_id).contact_locale == "en"


def test_a_v1_snapshot_of_an_enrolment_reads_with_a_german_contact(app: PeerLearningApp) -> None:
    series_id = announce(app)
    enrollment_id, _ = app.enrol(
        series_id, municipality(), "Erika Muster", "e@example.org", "anna", contact_locale="en"
    )
    snapshot = Snapshot.take(app.enrollment(enrollment_id))
    state = {
        k: v for k, v in snapshot.state.items() if k not in ("class_version", "contact_locale")
    }
    restored = replace(snapshot, state=state).mutate(None)
    assert isinstance(restored, Enrollment) and restored.contact_locale == "de"
    assert snapshot.state["class_version"] == 2
