"""Figure 5b: the scheduler's idle tick (reconcile and sweep, nothing due) by future meetings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bench.dataset import ACTOR, details, meeting_at
from bench.figures import Figure, at_most
from bench.timing import median_seconds
from domain.peer_learning import PeerLearning
from peerlearning.bootstrap import Services
from scheduler.process import ReminderScheduler
from scheduler.settings import ReminderSettings

PER_SERIES = 10
FEW = 10
REPEAT = 5
ROUNDS = 2  # each side's best of two alternating rounds, as figures 4 and 5a


def future_meetings(services: Services, meetings: int) -> None:
    """Series whose meetings all lie more than a week ahead: nothing is due."""
    first = datetime.now(UTC).date() + timedelta(days=10)
    batch = []
    for number in range(-(-meetings // PER_SERIES)):
        start = first + timedelta(days=number % 200)
        series = PeerLearning.announce(details(number, start, PER_SERIES), actor=ACTOR)
        for k in range(min(PER_SERIES, meetings - number * PER_SERIES)):
            kind = "kickoff" if k == 0 else "exchange"
            series.schedule_meeting(
                meeting_at(start + timedelta(days=30 * k + 1), kind, "virtual"), ACTOR
            )
        batch.append(series)
        if len(batch) == 100:
            services.app.record(*batch)
            batch = []
    services.app.record(*batch)


def started(services: Services) -> ReminderScheduler:
    scheduler = ReminderScheduler(services, ReminderSettings())
    scheduler.scheduler.start(paused=True)
    scheduler.reconcile()  # plans every job once; the ticks after it find nothing to do
    return scheduler


def idle_tick_seconds(scheduler: ReminderScheduler) -> float:
    def tick() -> None:
        scheduler.reconcile()
        scheduler.service.sweep()

    return median_seconds(tick, REPEAT)


def measure(many: Services, few: Services, store: str, meetings: int) -> Figure:
    future_meetings(many, meetings)
    future_meetings(few, FEW)
    schedulers = started(many), started(few)
    try:
        rounds = [
            (idle_tick_seconds(schedulers[0]), idle_tick_seconds(schedulers[1]))
            for _ in range(ROUNDS)  # alternating, so a slow spell of the machine falls on both
        ]
    finally:
        for scheduler in schedulers:
            scheduler.shutdown(wait=False)
    return Figure(
        f"5b scheduler idle tick, {meetings:,} vs {FEW} future meetings",
        store,
        min(r[0] for r in rounds) * 1000,
        "ms",
        min(r[1] for r in rounds) * 1000,
        at_most(2),
    )
