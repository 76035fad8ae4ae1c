"""The APScheduler side: one job per pending reminder, reconciled from the views."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler

from scheduler import jobs, planning
from scheduler.backend import Backend
from scheduler.courier import Outbox
from scheduler.facts import MeetingFacts
from scheduler.heartbeat import Heartbeat
from scheduler.isolation import one_unit
from scheduler.planning import Occurrence
from scheduler.service import ReminderService, build_service
from scheduler.settings import ReminderSettings, reminder_settings
from scheduler.watch import SeriesWatch

log = logging.getLogger(__name__)
# A reminder job runs however late it fires: the service decides between late and missed.
# Coalescing folds piled-up runs of the periodic jobs into one.
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


class _SkippedWhileBusy(logging.Filter):
    """Routine scheduler chatter: a sweep still running when the next is due, a job planned."""

    ROUTINE = ("maximum number of running instances", "Added job", "Removed job")

    def filter(self, record: logging.LogRecord) -> bool:
        return not any(part in record.getMessage() for part in self.ROUTINE)


def quiet_routine_logs() -> None:
    logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
    scheduler_log = logging.getLogger("apscheduler.scheduler")
    if not any(isinstance(f, _SkippedWhileBusy) for f in scheduler_log.filters):
        scheduler_log.addFilter(_SkippedWhileBusy())


class ReminderScheduler:
    def __init__(
        self,
        services: Backend,
        settings: ReminderSettings | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        self.services = services
        self.settings = settings or reminder_settings()
        self.service: ReminderService = build_service(
            services.app, services.views, services.db, self.settings, outbox, links=services.links
        )
        self.key = self.service.claims.owner
        self.heartbeat = Heartbeat(services.db, self.service.clock)
        self.watch = SeriesWatch(services.app)
        self._reconciled_at: int | None = None
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            executors={"default": ThreadPoolExecutor(4)},
            job_defaults=JOB_DEFAULTS,
        )

    def start(self) -> ReminderScheduler:
        quiet_routine_logs()
        jobs.activate(self.key, self)
        self.scheduler.start()
        now = datetime.now(UTC)
        self._periodic(jobs.reconcile, "reconcile", self.settings.reconcile_seconds, now)
        self._periodic(jobs.sweep, "sweep", self.settings.sweep_seconds, now)
        self._periodic(jobs.watch, "watch", self.settings.watch_seconds, now)
        log.info("Reminder scheduler %s started", self.key)
        return self

    def _periodic(self, func: Any, job_id: str, seconds: float, first: datetime) -> None:
        self.scheduler.add_job(
            func,
            "interval",
            seconds=seconds,
            id=job_id,
            args=[self.key],
            next_run_time=first,
            replace_existing=True,
            misfire_grace_time=max(int(seconds), 1),  # a missed run is caught by the next one
        )

    def wake(self) -> None:
        """Reconciles now instead of at the next interval (after a meeting changed)."""
        try:
            self.scheduler.modify_job("reconcile", next_run_time=datetime.now(UTC))
        except JobLookupError:
            pass  # not started yet, or shut down: start-up reconciles anyway

    def look_for_changes(self) -> None:
        """Meetings changed by another process: reconcile now, not at the next interval."""
        if self.watch.changed():
            self.wake()

    def reconcile(self) -> None:
        """Jobs for every reminder still to come; jobs of cancelled or moved reminders go.

        Jobs change only when the log does: an idle tick with no new event does nothing.
        """
        position = self._caught_up()
        if position is not None and position == self._reconciled_at:
            return
        self._plan_all()
        self._reconciled_at = position

    def _caught_up(self) -> int | None:
        """The views' position; None if they could not catch up: plan from them as they are."""
        with one_unit("Catching up the views"):
            return self.services.projector.catch_up()
        return None

    def _plan_all(self) -> None:
        now = self.service.clock.now()
        current: dict[str, Occurrence] = {}
        unsure: set[str] = set()  # meetings whose plan failed keep the jobs they had
        for meeting in self.service.lookup.upcoming(after=now):
            with one_unit("Plan of meeting", meeting.meeting_id) as unit:
                current.update(self._occurrences(meeting))
            if unit.failed:
                unsure.add(planning.job_id_for(meeting.meeting_id, ""))
        for job in self.pending_jobs():
            if job.id not in current and not job.id.startswith(tuple(unsure)):
                job.remove()
        for occurrence in current.values():
            if occurrence.due_at > now:
                with one_unit("Job of reminder", occurrence.job_id):
                    self._plan(occurrence)
        self.service.send_notices(wait=False)

    def _occurrences(self, meeting: MeetingFacts) -> dict[str, Occurrence]:
        """The meeting's reminders that have a due time; the sweep fails those without."""
        found = planning.occurrences(meeting, self.settings.offsets)
        return {occurrence.job_id: occurrence for occurrence in found}

    def _plan(self, occurrence: Occurrence) -> None:
        args = [self.key, *occurrence.job_args()]
        if _unchanged(self.scheduler.get_job(occurrence.job_id), args, occurrence):
            return
        self.scheduler.add_job(
            jobs.send_reminder,
            "date",
            run_date=occurrence.due_at,
            id=occurrence.job_id,
            args=args,
            replace_existing=True,
        )

    def pending_jobs(self) -> list[Job]:
        return [j for j in self.scheduler.get_jobs() if j.id.startswith(planning.JOB_PREFIX)]

    def shutdown(self, wait: bool = True) -> None:
        """Stops planning and sending; with `wait`, lets the mail in hand finish first.

        APScheduler waits for running jobs while it holds its job-store lock, which a running
        reconcile needs: so it is stopped without waiting, and the wait is for the service's
        own lock, which every sending job holds.
        """
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        jobs.deactivate(self.key)
        if wait:
            with self.service.lock:
                pass
        self.service.close()
        log.info("Reminder scheduler %s stopped", self.key)


def _unchanged(job: Job | None, args: list[Any], occurrence: Occurrence) -> bool:
    if job is None or list(job.args) != args:
        return False
    run_date = getattr(job.trigger, "run_date", None)
    return run_date is not None and abs(run_date - occurrence.due_at) < timedelta(seconds=1)
