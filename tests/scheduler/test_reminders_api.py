"""GET /reminders: the team sees every dispatch, filtered by status and series."""

from __future__ import annotations

from datetime import timedelta

from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from scheduler.service import ReminderService
from tests.api.client import AUDITOR, TEAM, TOKENS
from tests.scheduler.scenario import P7D_DUE, Scenario
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock


def client(services: Services) -> FlaskClient:
    app = create_app({"TESTING": True, "PEERLEARNING_TOKENS": TOKENS}, services=services)
    return app.test_client()


def get(http: FlaskClient, query: str = "", token: str = TEAM) -> object:
    return http.get(f"/reminders{query}", headers={"Authorization": f"Bearer {token}"})


def test_the_team_lists_dispatches_by_status_and_series(
    services: Services,
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.join("Gone")
    sink.handler.refused["gone@example.org"] = "550 5.1.1 No such mailbox"
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE + timedelta(minutes=1))
    reminders.sweep()
    http = client(services)
    everything = get(http).get_json()  # type: ignore[attr-defined]
    assert sorted(d["status"] for d in everything) == ["failed", "sent"]
    [sent] = get(http, "?status=sent").get_json()  # type: ignore[attr-defined]
    assert sent["participant_id"] == str(scenario.people["Eva"])
    assert sent["meeting_id"] == str(meeting_id)
    assert (sent["offset"], sent["purpose"], sent["late"]) == ("P7D", "reminder", False)
    assert sent["due_at"].startswith("2024-09-24T08:00:00")
    [failed] = get(http, f"?status=failed&peer_learning_id={scenario.series_id}").get_json()  # type: ignore[attr-defined]
    assert "550" in failed["reason"]
    other = "?peer_learning_id=00000000-0000-4000-8000-000000000000"
    assert get(http, other).get_json() == []  # type: ignore[attr-defined]


def test_only_the_team_may_look_and_statuses_are_checked(services: Services) -> None:
    http = client(services)
    assert get(http, token=AUDITOR).status_code == 403  # type: ignore[attr-defined]
    assert http.get("/reminders").status_code == 401
    assert get(http, "?status=lost").status_code == 422  # type: ignore[attr-defined]
