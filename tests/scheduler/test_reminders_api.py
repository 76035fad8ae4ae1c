"""GET /reminders: the team sees every dispatch, filtered by status and series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from scheduler.service import ReminderService
from tests.api.client import AUDITOR, TEAM, TOKENS
from tests.scheduler.scenario import P7D_DUE, Scenario
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.keys import key_for
from tests.support.samples import announce, schedule


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


def test_a_mail_about_a_registration_names_it_and_no_meeting(
    services: Services, mails: ReminderService, clock: FakeClock
) -> None:
    """A reminder names its meeting; a registration's mails name the registration, and their
    meeting_id, meeting_starts_at and schedule_version are null, as documented."""
    series_id = announce(services.app)
    kickoff = schedule(services.app, series_id, "kickoff", date(2024, 10, 8))
    contact = {"name": "Ole Ortheim", "email": "ole@ortheim.example", "locale": "de"}
    place = {"name": "Ortheim", "key": key_for("Ortheim")}
    participant = {"name": "Pia Ortheim", "email": "pia@ortheim.example"}
    registration_id, _ = services.app.register(series_id, place, contact, [participant], "public")
    mails.sweep()
    services.app.confirm_registration(registration_id, actor="public:p-1")
    services.app.accept_registration(registration_id, actor="anna")
    mails.sweep()
    clock.set(datetime(2024, 10, 1, 8, 1, tzinfo=UTC))
    mails.sweep()

    listed = get(client(services)).get_json()  # type: ignore[attr-defined]

    about_meeting = [d for d in listed if d["purpose"] == "reminder"]
    about_registration = [d for d in listed if d["purpose"].startswith("registration-")]
    assert about_meeting and about_registration
    assert {(d["meeting_id"], d["registration_id"]) for d in about_meeting} == {
        (str(kickoff), None)
    }
    assert all(d["meeting_starts_at"] and d["schedule_version"] for d in about_meeting)
    assert {
        (d["meeting_id"], d["registration_id"], d["meeting_starts_at"], d["schedule_version"])
        for d in about_registration
    } == {(None, str(registration_id), None, None)}


def test_the_documented_dispatch_says_what_each_field_names(services: Services) -> None:
    document = client(services).get("/openapi.json").get_json()  # type: ignore[union-attr]
    dispatch = document["components"]["schemas"]["Dispatch"]["properties"]

    assert "registration-confirm" in dispatch["purpose"]["enum"]
    assert "series-closed" in dispatch["purpose"]["enum"]
    for name in ("meeting_id", "registration_id", "enrollment_id", "meeting_starts_at"):
        assert dispatch[name]["nullable"] is True, name
        assert dispatch[name]["description"], name
