"""Figure 2: commands over HTTP against a bare Flask endpoint doing one raw insert."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from uuid import UUID

from bench.dataset import ACTOR, BERLIN, details, place
from bench.figures import Figure, at_least
from bench.http_apps import AUTH, api_server, bare_server
from bench.load import CLIENT_THREADS, Request, requests_per_second
from bench.raw_inserts import sqlite_synchronous
from peerlearning.bootstrap import Services

TARGETS = {"sqlite": 0.5, "postgresql": 0.35}


class HttpCommands:
    """Each client thread schedules meetings in its own series and adds participants."""

    def __init__(self, services: Services, first_number: int) -> None:
        app = services.app
        self.start = datetime.now(UTC).date() + timedelta(days=500)
        self.series: list[UUID] = []
        self.enrollments: list[UUID] = []
        for thread in range(CLIENT_THREADS):
            number = first_number + thread
            fields = details(number, self.start, 10).__dict__
            fields |= {"ends_on": None, "scope": "thematic", "regions": ()}
            series_id = app.announce(ACTOR, **fields)
            where = place(950_000 + number)
            enrollment_id, _ = app.enrol(series_id, where, "Kontakt", "k@example.org", ACTOR)
            self.series.append(series_id)
            self.enrollments.append(enrollment_id)

    def request(self, thread: int, i: int) -> Request:
        if i % 2:
            person = {"name": f"Person {thread}-{i}", "email": f"h{thread}.{i}@example.org"}
            path = f"/enrollments/{self.enrollments[thread]}/participants"
            return ("POST", path, json.dumps(person).encode(), AUTH)
        starts_at = datetime.combine(self.start + timedelta(days=1 + i), time(10), tzinfo=BERLIN)
        meeting = {
            "kind": "exchange",
            "mode": "virtual",
            "starts_at": starts_at.isoformat(),
            "ends_at": (starts_at + timedelta(hours=2)).isoformat(),
            "video_url": "https://video.example.org/room",
        }
        path = f"/peer-learnings/{self.series[thread]}/meetings"
        return ("POST", path, json.dumps(meeting).encode(), AUTH)


def raw_insert(thread: int, i: int) -> Request:
    return ("POST", "/raw-insert", b"{}", {"Content-Type": "application/json"})


def measure(services: Services, store: str, duration: float) -> Figure:
    commands = HttpCommands(services, first_number=900_000)
    synchronous = sqlite_synchronous(services.app) if services.settings.is_sqlite else 2
    with (
        api_server(services.settings, wait=False) as server,
        bare_server(services.settings, synchronous, wait=False) as bare,
    ):
        server.ready()
        bare.ready()
        api = requests_per_second(server.port, commands.request, duration)
        baseline = requests_per_second(bare.port, raw_insert, duration)
    return Figure(
        "2 write path over HTTP (gunicorn)",
        store,
        api.rate,
        "req/s",
        baseline.rate,
        at_least(TARGETS[store]),
        note=api.note or baseline.note,
    )
