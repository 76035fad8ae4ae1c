"""A command and everything kept with it commit together: events, keys, chain links, views."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID, uuid4

import pytest

from application.app import PeerLearningApp
from domain.values import ERASED, Participant, PersonalData
from peerlearning.bootstrap import Services, bootstrap, open_application
from projections.rebuild import differences, snapshot
from store.settings import store_settings
from tests.projections.faulty import JoinsView
from tests.support.clock import FakeClock
from tests.support.samples import announce, municipality


@pytest.fixture
def joins() -> JoinsView:
    return JoinsView()


@pytest.fixture
def watched(store_url: str, clock: FakeClock, joins: JoinsView) -> Iterator[Services]:
    built = bootstrap(store_settings(store_url), clock=clock, extra_views=[joins])
    yield built
    built.close()


@pytest.fixture
def elsewhere(store_url: str, clock: FakeClock) -> Iterator[PeerLearningApp]:
    """Another program on the same store, recording without this process's views."""
    application = open_application(store_settings(store_url), clock=clock)
    yield application
    application.close()


def enrolment(services: Services) -> UUID:
    series_id = announce(services.app, capacity=3)
    enrollment_id, _ = services.app.enrol(
        series_id, municipality("Stadt Olpe"), "Ute Kühn", "ute@olpe.example", actor="ben"
    )
    return UUID(str(enrollment_id))


def recorded(services: Services) -> dict[str, Any]:
    """Everything a command leaves in the store, counted."""
    events = services.app.recorder.events_table_name  # type: ignore[attr-defined]
    with services.db.transaction() as tx:
        counts = {
            table: tx.fetchone(f"SELECT COUNT(*) FROM {table}")[0]
            for table in (
                events,
                "personal_data_keys",
                "audit_chain",
                "view_participants",
            )
        }
        counts["tracking"] = tx.fetchall("SELECT name, position FROM view_tracking ORDER BY name")
    counts["chain_head"] = services.audit.chain.head()
    return counts


def test_a_view_that_raises_fails_the_command_and_nothing_is_recorded(
    watched: Services, joins: JoinsView
) -> None:
    enrollment_id = enrolment(watched)
    before = recorded(watched)
    joins.broken = "Eva Weiß"
    with pytest.raises(Exception, match="no seat"):
        watched.app.join(enrollment_id, "Eva Weiß", "eva@olpe.example", actor="eva")
    assert recorded(watched) == before
    assert watched.app.enrollment(enrollment_id).participants == {}
    joins.broken = None
    watched.app.join(enrollment_id, "Eva Weiß", "eva@olpe.example", actor="eva")
    after = recorded(watched)
    events = watched.app.recorder.events_table_name  # type: ignore[attr-defined]
    assert after[events] == before[events] + 1
    assert after["personal_data_keys"] == before["personal_data_keys"] + 1
    assert after["audit_chain"] == before["audit_chain"] + 1
    assert watched.audit.verify(watched.app).ok


def test_a_view_stops_at_an_event_it_cannot_apply_and_resumes_once_fixed(
    watched: Services, joins: JoinsView, elsewhere: PeerLearningApp
) -> None:
    enrollment_id = enrolment(watched)
    joins.broken = "Eva Weiß"
    elsewhere.join(enrollment_id, "Jan Roth", "jan@olpe.example", actor="jan")
    elsewhere.join(enrollment_id, "Eva Weiß", "eva@olpe.example", actor="eva")
    elsewhere.join(enrollment_id, "Ida Berg", "ida@olpe.example", actor="ida")
    head = watched.app.recorder.max_notification_id() or 0
    watched.projector.catch_up()
    health = {v["view"]: v for v in watched.projector.health()}
    assert health["joins"]["position"] == head - 2 and health["joins"]["lag"] == 2
    stuck = health["joins"]["stuck"]
    assert stuck["position"] == head - 1 and stuck["topic"].endswith("ParticipantJoined")
    assert stuck["error"]["type"] == "KeyError"
    assert "Eva" not in stuck["error"]["message"] and "eva@" not in stuck["error"]["message"]
    assert health["roster"] == {"view": "roster", "position": head, "lag": 0, "stuck": None}
    assert joined_names(watched) == ["Jan Roth"]
    watched.projector.catch_up()  # still broken: it stays where it is, skipping nothing
    assert joined_names(watched) == ["Jan Roth"]
    joins.broken = None
    watched.projector.catch_up()
    assert joined_names(watched) == ["Eva Weiß", "Ida Berg", "Jan Roth"]
    assert {v["view"]: v["stuck"] for v in watched.projector.health()}["joins"] is None


def test_health_shows_a_stuck_view_over_http(
    watched: Services, joins: JoinsView, elsewhere: PeerLearningApp
) -> None:
    from peerlearning.http_app import create_app

    enrollment_id = enrolment(watched)
    joins.broken = "Eva Weiß"
    elsewhere.join(enrollment_id, "Eva Weiß", "eva@olpe.example", actor="eva")
    watched.projector.catch_up()
    client = create_app({"TESTING": True}, services=watched).test_client()
    body = client.get("/health").get_json()
    joins_health = next(v for v in body["views"] if v["view"] == "joins")
    assert joins_health["lag"] == 1 and joins_health["stuck"]["error"]["type"] == "KeyError"


def test_views_kept_inline_equal_a_rebuild(watched: Services) -> None:
    enrollment_id = enrolment(watched)
    for name in ("Jan Roth", "Eva Weiß"):
        watched.app.join(enrollment_id, name, f"{name[:3]}@olpe.example", actor="x")
    live = snapshot(watched.db, watched.projector.tables)
    watched.projector.rebuild()
    tables = watched.projector.tables
    assert differences(live, snapshot(watched.db, tables), tables) == []


def joined_names(services: Services) -> list[str]:
    with services.db.transaction() as tx:
        return [str(r[0]) for r in tx.fetchall("SELECT name FROM view_test_joins ORDER BY name")]


def test_a_person_erased_before_is_shown_as_stored_erased(watched: Services) -> None:
    enrollment_id = enrolment(watched)
    subject = uuid4()
    watched.audit.keys.shred(subject)
    enrollment = watched.app.enrollment(enrollment_id)
    person = PersonalData.of(subject, "Eva Weiß", "eva@olpe.example")
    enrollment.join(Participant(participant_id=subject, person=person), actor="eva")
    watched.app.record(enrollment)
    shown = watched.views.participant(subject)
    assert shown is not None and (shown["name"], shown["email"]) == (ERASED, ERASED)
    live = snapshot(watched.db, watched.projector.tables)
    watched.projector.rebuild()
    tables = watched.projector.tables
    assert differences(live, snapshot(watched.db, tables), tables) == []
