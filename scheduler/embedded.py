"""The scheduler inside `peerlearning serve`: one per serving process, woken by meeting changes."""

from __future__ import annotations

import logging
from collections.abc import Callable

from eventsourcing.persistence import Recording

from domain.peer_learning import PeerLearning
from scheduler.backend import Backend
from scheduler.courier import Outbox
from scheduler.process import ReminderScheduler
from scheduler.settings import ReminderSettings

log = logging.getLogger(__name__)


def start_embedded(
    services: Backend,
    settings: ReminderSettings | None = None,
    outbox: Outbox | None = None,
) -> ReminderScheduler:
    """Starts reminders next to the API; call `.shutdown()` when the server stops."""
    scheduler = ReminderScheduler(services, settings, outbox).start()
    services.app.recorded_listeners.append(waker(scheduler))
    return scheduler


def waker(scheduler: ReminderScheduler) -> Callable[[list[Recording]], None]:  # type: ignore[type-arg]
    """After a series or meeting change committed, reconcile at once, not at the next tick.

    Only a nudge: the scheduler's own tick notices every change of the log anyway, so a wake
    that fails loses nothing. It is logged, and the command's answer stands: it committed.
    """

    def wake_on_series_events(recordings: list[Recording]) -> None:  # type: ignore[type-arg]
        if any(isinstance(r.domain_event, PeerLearning.Event) for r in recordings):
            try:
                scheduler.wake()
            except Exception:  # APScheduler's own errors; the next tick reconciles instead
                log.warning("Could not wake the reminder scheduler", exc_info=True)

    return wake_on_series_events
