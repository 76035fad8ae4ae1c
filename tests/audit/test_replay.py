"""Replay rebuilds every view into a scratch store and names what differs from the live ones."""

from __future__ import annotations

from uuid import UUID

from application.app import PeerLearningApp
from audit.erasure import erase_person
from audit.replay import replay
from audit.wiring import Audit
from projections.projector import Projector
from projections.queries import ViewQueries
from projections.rebuild import rebuild
from tests.support.samples import announce, municipality


def record_some(app: PeerLearningApp) -> tuple[str, str]:
    series_id = announce(app)
    enrollment_id, _ = app.enrol(series_id, municipality(), "Erika Muster", "e@example.org", "anna")
    participant_id = app.join(enrollment_id, "Max Muster", "max@example.org", actor="anna")
    return str(series_id), str(participant_id)


def test_untouched_views_replay_without_differences(
    audited_app: PeerLearningApp, live_views: tuple[Projector, ViewQueries]
) -> None:
    record_some(audited_app)
    report = replay(live_views[0])
    assert report.compared and report.ok, report.differences
    assert report.position_replayed == audited_app.recorder.max_notification_id()


def test_a_changed_view_row_is_reported_by_stream_and_field(
    audited_app: PeerLearningApp, live_views: tuple[Projector, ViewQueries]
) -> None:
    projector, _ = live_views
    series_id, participant_id = record_some(audited_app)
    with projector.db.transaction(write=True) as tx:
        tx.execute("UPDATE view_catalogue SET title = ? WHERE id = ?", ["Gefälscht", series_id])
        tx.execute("DELETE FROM view_participants WHERE participant_id = ?", [participant_id])
    report = replay(projector)
    assert not report.ok
    assert any(
        d.startswith(f"view_catalogue {series_id} title: live 'Gefälscht'")
        for d in report.differences
    ), report.differences
    assert f"view_participants {participant_id}: only in the rebuilt views" in report.differences


def test_replay_after_erasure_matches_and_leaves_the_live_views_alone(
    audited_app: PeerLearningApp, live_views: tuple[Projector, ViewQueries], audit: Audit
) -> None:
    projector, views = live_views
    _, participant_id = record_some(audited_app)
    erase_person(audited_app, audit.keys, UUID(participant_id), actor="team")
    position = projector.position()
    assert replay(projector).ok
    assert projector.position() == position
    assert views.participant(participant_id)["email"] == "erased"  # type: ignore[index]
    rebuilt = rebuild(projector, show_progress=False)
    assert rebuilt.compared and rebuilt.ok, rebuilt.differences
    assert views.participant(participant_id)["name"] == "erased"  # type: ignore[index]
    assert audit.verify(audited_app).ok
