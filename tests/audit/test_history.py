"""History answers match the commands that were issued, in order, with their actors."""

from __future__ import annotations

from application.app import PeerLearningApp
from audit.history import events_after, stream_history
from tests.support.clock import FakeClock
from tests.support.samples import announce, municipality, schedule, series_fields


def test_the_global_log_lists_every_command_in_order(audited_app: PeerLearningApp) -> None:
    series_id = announce(audited_app, actor="anna")
    meeting_id = schedule(audited_app, series_id, "kickoff", series_fields()["starts_on"])
    audited_app.set_joining(series_id, open=False, actor="bernd")
    log = events_after(audited_app)
    assert [(e["stream_type"], e["event_type"], e["actor"]) for e in log] == [
        ("PeerLearning", "Announced", "anna"),
        ("PeerLearning", "MeetingScheduled", "anna"),
        ("PeerLearning", "JoiningClosed", "bernd"),
    ]
    assert [e["position"] for e in log] == sorted(e["position"] for e in log)
    assert [e["version"] for e in log] == [1, 2, 3]
    assert {e["stream_id"] for e in log} == {str(series_id)}
    assert log[0]["data"]["details"]["title"] == series_fields()["title"]
    assert log[1]["data"]["meeting"]["meeting_id"] == str(meeting_id)


def test_pages_continue_after_the_last_position(audited_app: PeerLearningApp) -> None:
    for n in range(5):
        announce(audited_app, title=f"Reihe {n}")
    first = events_after(audited_app, after=0, limit=2)
    rest = events_after(audited_app, after=first[-1]["position"], limit=10)
    titles = [e["data"]["details"]["title"] for e in first + rest]
    assert titles == [f"Reihe {n}" for n in range(5)]


def test_one_stream_shows_only_its_own_events(
    audited_app: PeerLearningApp, clock: FakeClock
) -> None:
    series_id = announce(audited_app)
    other_id = announce(audited_app, title="Andere Reihe")
    enrollment_id, _ = audited_app.enrol(
        series_id, municipality(), "Erika Muster", "erika@example.org", actor="carla"
    )
    audited_app.join(enrollment_id, "Max Muster", "max@example.org", actor="carla")
    history = stream_history(audited_app, enrollment_id)
    assert [e["event_type"] for e in history] == ["Registered", "Admitted", "ParticipantJoined"]
    assert all(e["stream_id"] == str(enrollment_id) for e in history)
    assert history[2]["data"]["participant"]["person"]["email"] == "max@example.org"
    assert history[2]["data"]["participant"]["joined_at"] == clock.now().isoformat()
    series_events = [e["event_type"] for e in stream_history(audited_app, series_id)]
    assert series_events == ["Announced", "EnrollmentAdmitted"]
    assert [e["event_type"] for e in stream_history(audited_app, other_id)] == ["Announced"]
