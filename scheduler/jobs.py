"""The job functions: module-level, taking only primitives, finding their scheduler by key."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from uuid import UUID

if TYPE_CHECKING:
    from scheduler.process import ReminderScheduler

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
    tally = scheduler.service.remind(
        UUID(peer_learning_id), UUID(meeting_id), schedule_version, offset
    )
    log.info("Reminder %s of meeting %s: %s", offset, meeting_id, tally)


def reconcile(key: str) -> None:
    scheduler = _running.get(key)
    if scheduler is not None:
        scheduler.reconcile()


def sweep(key: str) -> None:
    scheduler = _running.get(key)
    if scheduler is not None:
        tally = scheduler.service.sweep(wait=False)
        if tally.sent or tally.failed or tally.deferred:
            log.info("Sweep: %s", tally)


def watch(key: str) -> None:
    scheduler = _running.get(key)
    if scheduler is not None:
        scheduler.look_for_changes()
