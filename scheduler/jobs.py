"""The job functions: module-level, taking only primitives, finding their scheduler by key."""

from __future__ import annotations

import logging
from typing import Protocol
from uuid import UUID

from runtime.request_ids import unit_of_work
from scheduler.backend import Backend
from scheduler.heartbeat import Heartbeat
from scheduler.isolation import one_run
from scheduler.service import ReminderService


class ReminderScheduler(Protocol):
    """What a job needs of the scheduler that started it (`scheduler.process`)."""

    service: ReminderService
    services: Backend
    heartbeat: Heartbeat

    def reconcile(self) -> None: ...

    def look_for_changes(self) -> None: ...


log = logging.getLogger(__name__)
_running: dict[str, ReminderScheduler] = {}


def activate(key: str, scheduler: ReminderScheduler) -> None:
    _running[key] = scheduler


def deactivate(key: str) -> None:
    _running.pop(key, None)


def send_reminder(
    key: str, peer_learning_id: str, meeting_id: str, schedule_version: int, offset: str
) -> None:
    scheduler = _running.get(key)
    if scheduler is None:
        return
    with unit_of_work("reminder"), one_run(f"Reminder job {meeting_id} {offset[:40]}"):
        tally = scheduler.service.remind(
            UUID(peer_learning_id), UUID(meeting_id), schedule_version, offset
        )
        log.info("Reminder %s of meeting %s: %s", offset[:40], meeting_id, tally)


def reconcile(key: str) -> None:
    scheduler = _running.get(key)
    if scheduler is not None:
        with unit_of_work("reconcile"), one_run("Reconcile"):
            scheduler.reconcile()


def sweep(key: str) -> None:
    scheduler = _running.get(key)
    if scheduler is not None:
        with unit_of_work("sweep"):
            with one_run("Sweep"):
                tally = scheduler.service.sweep(wait=False)
                if tally.sent or tally.failed or tally.deferred:
                    log.info("Sweep: %s", tally)
            with one_run("Expiry of registrations"):
                if expired := scheduler.services.expire_registrations():
                    log.info("Expired %d unconfirmed registrations", expired)
            with one_run("Scheduler tick"):  # the sweep ran, whatever its outcome
                scheduler.heartbeat.tick(key)


def watch(key: str) -> None:
    scheduler = _running.get(key)
    if scheduler is not None:
        with one_run("Watch"):
            scheduler.look_for_changes()
