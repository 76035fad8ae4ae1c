"""APScheduler jobs: deterministic ids, replaced on reschedule, removed on cancel, fired on time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from peerlearning.bootstrap import Services, bootstrap
from scheduler.embedded import start_embedded
from scheduler.process import ReminderScheduler
from scheduler.settings import reminder_settings
from store.settings import store_settings
from tests.scheduler.scenario import P1D_DUE, P7D_DUE, PT1H_DUE, Scenario, series_with
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.samples import at
from tests.support.stores import sqlite_url
from tests.support.waiting import wait_until


@pytest.fixture
def paused(services: Services, sink: SmtpSink) -> Iterator[ReminderScheduler]:
    scheduler = ReminderScheduler(services, reminder_settings(sink.env))
    scheduler.scheduler.start(paused=True)
    yield scheduler
    scheduler.shutdown(wait=False)


def planned(scheduler: ReminderScheduler) -> dict[str, tuple[datetime, int]]:
    return {job.id: (job.trigger.run_date, job.args[3]) for job in scheduler.pending_jobs()}


def test_one_job_per_meeting_and_offset_replaced_when_the_meeting_moves(
    paused: ReminderScheduler, scenario: Scenario, clock: FakeClock
) -> None:
    meeting_id = scenario.schedule_kickoff()
    paused.reconcile()
    assert planned(paused) == {
        f"reminder:{meeting_id}:P7D": (P7D_DUE, 1),
        f"reminder:{meeting_id}:P1D": (P1D_DUE, 1),
        f"reminder:{meeting_id}:PT1H": (PT1H_DUE, 1),
    }
    moved = date(2024, 10, 8)
    scenario.app.reschedule_meeting(
        scenario.series_id, meeting_id, at(moved, 10), at(moved, 12), actor="anna"
    )
    paused.reconcile()
    assert planned(paused) == {
        f"reminder:{meeting_id}:P7D": (P7D_DUE + timedelta(days=7), 2),
        f"reminder:{meeting_id}:P1D": (P1D_DUE + timedelta(days=7), 2),
        f"reminder:{meeting_id}:PT1H": (PT1H_DUE + timedelta(days=7), 2),
    }


def test_due_and_cancelled_reminders_have_no_job(
    paused: ReminderScheduler, scenario: Scenario, clock: FakeClock
) -> None:
    meeting_id = scenario.schedule_kickoff()
    clock.set(P7D_DUE + timedelta(hours=1))
    paused.reconcile()
    assert set(planned(paused)) == {f"reminder:{meeting_id}:P1D", f"reminder:{meeting_id}:PT1H"}
    scenario.app.cancel_meeting(scenario.series_id, meeting_id, actor="anna")
    paused.reconcile()
    assert planned(paused) == {}


def test_the_periodic_jobs_coalesce_and_reminders_run_however_late(
    services: Services, sink: SmtpSink
) -> None:
    scheduler = ReminderScheduler(services, reminder_settings(sink.env)).start()
    try:
        sweep = scheduler.scheduler.get_job("sweep")
        assert sweep.coalesce is True and sweep.misfire_grace_time == 60
        assert scheduler.scheduler._job_defaults["misfire_grace_time"] is None
        assert scheduler.scheduler._job_defaults["coalesce"] is True
    finally:
        scheduler.shutdown()


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Services]:
    """Services on the system clock: APScheduler fires on real time."""
    built = bootstrap(store_settings(sqlite_url(tmp_path)))
    yield built
    built.close()


def test_embedded_scheduler_sends_when_the_job_fires_and_wakes_on_new_meetings(
    live: Services, sink: SmtpSink
) -> None:
    today = datetime.now(ZoneInfo("Europe/Berlin")).date()
    scenario = series_with(live.app, starts_on=today, ends_on=None, reminder_offsets=["PT1H"])
    scenario.join("Eva")
    env = {**sink.env, "PEERLEARNING_RECONCILE_SECONDS": "300", "PEERLEARNING_SWEEP_SECONDS": "300"}
    embedded = start_embedded(live, reminder_settings(env))
    try:
        wait_until(lambda: embedded.scheduler.get_job("reconcile").next_run_time, 5, "start")
        starts = datetime.now(UTC) + timedelta(hours=1, seconds=3)
        meeting_id = live.app.schedule_meeting(
            scenario.series_id, "kickoff", starts, starts + timedelta(hours=1), "virtual",
            actor="anna", video_url="https://video.example.org/room",
        )  # fmt: skip
        job_id = f"reminder:{meeting_id}:PT1H"
        wait_until(lambda: embedded.scheduler.get_job(job_id), 5, "the woken reconcile")
        [mail] = sink.wait_for(1, timeout=20)
        assert "Erinnerung: " in mail["Subject"] and "(verspätet)" not in mail["Subject"]
        assert embedded.scheduler.get_job(job_id) is None, "a date job runs once"
    finally:
        embedded.shutdown()


def test_a_meeting_scheduled_by_another_process_is_planned_within_the_watch_interval(
    live: Services, sink: SmtpSink, tmp_path: Path
) -> None:
    env = {**sink.env, "PEERLEARNING_RECONCILE_SECONDS": "300", "PEERLEARNING_WATCH_SECONDS": "0.2"}
    scheduler = ReminderScheduler(live, reminder_settings(env)).start()
    other = bootstrap(live.settings)  # another process's composition root on the same store
    try:
        today = datetime.now(ZoneInfo("Europe/Berlin")).date()
        scenario = series_with(other.app, starts_on=today, ends_on=None)
        starts = datetime.now(UTC) + timedelta(days=2)
        meeting_id = scenario.schedule_kickoff(day=starts.date())
        job_id = f"reminder:{meeting_id}:P1D"
        wait_until(lambda: scheduler.scheduler.get_job(job_id), 5, "the watch to see the meeting")
    finally:
        other.close()
        scheduler.shutdown()


def test_waking_a_scheduler_that_does_not_run_never_breaks_a_command(
    services: Services, sink: SmtpSink
) -> None:
    idle = ReminderScheduler(services, reminder_settings(sink.env))
    idle.wake()
    idle.shutdown()
    embedded = start_embedded(services, reminder_settings(sink.env))
    embedded.shutdown()
    scenario = series_with(services.app)  # series events reach the listener of the stopped one
    assert services.views.series_detail(scenario.series_id) is not None
