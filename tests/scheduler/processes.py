"""Scheduler processes for fault tests: a store full of due reminders, `peerlearning scheduler`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import uuid4
from zoneinfo import ZoneInfo

from domain.values import Participant, PersonalData
from peerlearning.bootstrap import bootstrap
from scheduler.dispatch_queries import DispatchQueries
from store.db import ViewDb
from store.settings import store_settings
from tests.scheduler.scenario import series_with

ROOT = Path(__file__).resolve().parents[2]


def store_with_due_reminders(store_url: str, people: int) -> None:
    """A meeting whose PT1H reminder falls due two seconds from now, for `people` participants."""
    services = bootstrap(store_settings(store_url))
    try:
        today = datetime.now(ZoneInfo("Europe/Berlin")).date()
        scenario = series_with(services.app, starts_on=today, ends_on=None)
        enrollment = services.app.enrollment(scenario.enrollment_id)
        for number in range(people):  # one write for all: the commands would take minutes
            enrollment.join(participant(number), actor="anna")
        services.app.record(enrollment)
        starts = datetime.now(UTC) + timedelta(hours=1, seconds=2)
        services.app.schedule_meeting(
            scenario.series_id, "kickoff", starts, starts + timedelta(hours=1), "virtual",
            actor="anna", video_url="https://video.example.org/room",
        )  # fmt: skip
    finally:
        services.close()


def participant(number: int) -> Participant:
    participant_id = uuid4()
    person = PersonalData.of(participant_id, f"P{number:04d}", f"p{number:04d}@example.org")
    return Participant(participant_id, person, "de", None, datetime.now(UTC))


class DispatchWatch:
    """Reads the dispatch view the scheduler processes keep, without a projector of its own."""

    def __init__(self, store_url: str) -> None:
        self.db = ViewDb(store_settings(store_url))
        self.queries = DispatchQueries(self.db)

    def statuses(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for item in self.queries.listing(limit=100000):
            found[item["status"]] = found.get(item["status"], 0) + 1
        return found

    def all_sent(self, count: int) -> bool:
        return self.statuses() == {"sent": count}

    def fewest_attempts(self) -> int:
        return min((item["attempts"] for item in self.queries.listing(limit=100000)), default=0)

    def ticks(self) -> dict[str, str]:
        """When each scheduler process last finished a sweep."""
        with self.db.transaction() as tx:
            return {o: t for o, t in tx.fetchall("SELECT owner, ticked_at FROM scheduler_ticks")}

    def close(self) -> None:
        self.db.close()


def scheduler_env(store_url: str, smtp: dict[str, str], **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        **smtp,
        "PEERLEARNING_DATABASE_URL": store_url,
        "PEERLEARNING_REMINDER_OFFSETS": "PT1H",
        "PEERLEARNING_REMINDER_LEASE": "PT3S",
        "PEERLEARNING_REMINDER_CLAIM_CHUNK": "20",  # a batch is sent well within the lease
        "PEERLEARNING_REMINDER_RETRY_BASE": "PT1S",
        "PEERLEARNING_REMINDER_RETRY_MAX": "PT2S",
        "PEERLEARNING_SWEEP_SECONDS": "1",
        "PEERLEARNING_RECONCILE_SECONDS": "1",
        "PEERLEARNING_POOL_SIZE": "3",
        **extra,
    }


def start_scheduler(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "peerlearning.cli", "scheduler"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
