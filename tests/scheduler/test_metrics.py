"""GET /metrics after a known run: exact counts of requests, commands and mails, the views,
the chain and the scheduler's tick; no personal data; the monitor role may read it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask.testing import FlaskClient
from prometheus_client.parser import text_string_to_metric_families

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from scheduler.dispatch_queries import DispatchQueries
from scheduler.process import ReminderScheduler
from scheduler.settings import reminder_settings
from tests.api.client import TEAM, TOKENS, announce_body
from tests.scheduler.legacy import join_as
from tests.scheduler.scenario import P7D_DUE, series_with
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.waiting import wait_until

MONITOR = "mona-monitor-token-0003"
PEOPLE = {"Evelyn Quastenberg": "evelyn.q@example.org", "Gordon Gonzalez": "gordon.g@example.org"}
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


@pytest.fixture
def client(services: Services) -> FlaskClient:
    config = {"TESTING": True, "PEERLEARNING_TOKENS": f"{TOKENS},mona:monitor:{MONITOR}"}
    return create_app(config, services=services).test_client()


@pytest.fixture
def mails_closed(
    services: Services, sink: SmtpSink, dispatches: DispatchQueries, clock: FakeClock
) -> Iterator[None]:
    """One kick-off reminder sent, one refused for good by the mail server."""
    scenario = series_with(services.app)
    for name, email in PEOPLE.items():
        join_as(services.app, scenario.enrollment_id, name, email)
    scenario.schedule_kickoff()
    sink.handler.refused[PEOPLE["Gordon Gonzalez"]] = "550 5.1.1 mailbox unknown"
    clock.set(P7D_DUE)
    scheduler = ReminderScheduler(services, reminder_settings(sink.env)).start()
    try:
        wait_until(
            lambda: (
                len(dispatches.listing(status="sent")) == 1
                and len(dispatches.listing(status="failed")) == 1
            ),
            30,
            "one mail sent and one failed",
        )
        yield
    finally:
        scheduler.shutdown()


def scrape(client: FlaskClient, token: str) -> tuple[str, Samples]:
    answer = client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    text = answer.get_data(as_text=True)
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    return text, samples


def value(samples: Samples, name: str, **labels: str) -> float | None:
    return samples.get((name, tuple(sorted(labels.items()))))


def test_the_metrics_after_a_known_run(
    client: FlaskClient, services: Services, mails_closed: None
) -> None:
    team = {"Authorization": f"Bearer {TEAM}"}
    assert client.post("/peer-learnings", json=announce_body(), headers=team).status_code == 201
    refused = client.post("/peer-learnings", json={"title": ""}, headers=team).status_code
    for _ in range(2):
        assert client.get("/peer-learnings").status_code == 200

    text, samples = scrape(client, MONITOR)

    http = "peerlearning_http_requests_total"
    route = "/peer-learnings"
    assert value(samples, http, method="POST", route=route, status="201") == 1
    assert value(samples, http, method="POST", route=route, status=str(refused)) == 1
    assert value(samples, http, method="GET", route=route, status="200") == 2
    commands = [k for k in samples if k[0] == "peerlearning_commands_total"]
    assert sorted((dict(k[1])["outcome"], samples[k]) for k in commands) == [
        ("recorded", 1),
        ("refused", 1),
    ]
    mails = "peerlearning_reminder_mails_total"
    closed = {dict(k[1])["outcome"]: v for k, v in samples.items() if k[0] == mails}
    assert closed == {"sent": 1, "failed": 1}
    assert value(samples, "peerlearning_reminder_claims_waiting") == 0
    head = services.app.recorder.max_notification_id()
    assert value(samples, "peerlearning_log_head_position") == head
    assert value(samples, "peerlearning_chain_head_position") == head
    assert value(samples, "peerlearning_view_lag_events", view="catalogue") == 0
    assert value(samples, "peerlearning_store_up") == 1
    assert value(samples, "peerlearning_scheduler_last_tick_age_seconds") is not None
    assert all(name.startswith("peerlearning_") for name, _ in samples)
    personal = [*PEOPLE, *PEOPLE.values(), "Clara Kontakt", "clara@example.org"]
    assert [p for p in personal if p.casefold() in text.casefold()] == []


def test_only_team_auditor_and_monitor_tokens_read_the_metrics(client: FlaskClient) -> None:
    assert client.get("/metrics").status_code == 401
    scrape(client, TEAM)
    monitor = {"Authorization": f"Bearer {MONITOR}"}
    assert client.post("/peer-learnings", json=announce_body(), headers=monitor).status_code == 403
