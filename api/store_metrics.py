"""What the store knows, read at each scrape: views, chain, mails, the scheduler's tick.

Read from the store, these figures are the same whichever process is scraped and survive
restarts; they name views, mail kinds and outcomes only, never a person or a series.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from scheduler.dispatch_view import DISPATCHES
from scheduler.heartbeat import Heartbeat
from store.errors import StoreUnavailable

PREFIX = "peerlearning_"
Metric = CounterMetricFamily | GaugeMetricFamily


def gauge(name: str, documentation: str, labels: tuple[str, ...] = ()) -> GaugeMetricFamily:
    return GaugeMetricFamily(PREFIX + name, documentation, labels=list(labels))


class StoreCollector(Collector):
    def __init__(self, services: Any) -> None:
        self.services = services

    def collect(self) -> Iterator[Metric]:
        up = gauge("store_up", "1 when the store answered this scrape, else 0.")
        try:
            found = [*self.views(), *self.chain(), *self.mails(), *self.scheduler()]
        except StoreUnavailable:  # the scrape reports the outage instead of failing
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from found

    def views(self) -> list[Metric]:
        position = gauge("view_position", "Last event each view applied.", ("view",))
        lag = gauge("view_lag_events", "Events recorded that the view has not applied.", ("view",))
        stuck = gauge(
            "view_stuck", "1 while the view stops at an event it cannot apply.", ("view",)
        )
        for view in self.services.projector.health():
            position.add_metric([view["view"]], view["position"])
            lag.add_metric([view["view"]], view["lag"])
            stuck.add_metric([view["view"]], 1 if view["stuck"] else 0)
        head = gauge("log_head_position", "Position of the newest event in the log.")
        head.add_metric([], self.services.app.recorder.max_notification_id() or 0)
        return [position, lag, stuck, head]

    def chain(self) -> list[Metric]:
        row = self.services.audit.chain.head()
        head = gauge("chain_head_position", "Position of the newest event linked into the chain.")
        head.add_metric([], row[0] if row is not None else 0)
        return [head]

    def mails(self) -> list[Metric]:
        mails = CounterMetricFamily(
            PREFIX + "reminder_mails",
            "Mails closed, by kind and outcome (sent, failed, missed).",
            labels=["kind", "outcome"],
        )
        late = CounterMetricFamily(
            PREFIX + "reminder_mails_late", "Mails sent after their due time.", labels=["kind"]
        )
        waiting = gauge("reminder_claims_waiting", "Mails claimed and not yet sent or closed.")
        counts, lates, due = self.dispatch_counts()
        for (kind, outcome), count in sorted(counts.items()):
            mails.add_metric([kind, outcome], count)
        for kind, count in sorted(lates.items()):
            late.add_metric([kind], count)
        waiting.add_metric([], due)
        return [mails, late, waiting]

    def dispatch_counts(self) -> tuple[dict[tuple[str, str], int], dict[str, int], int]:
        with self.services.db.transaction() as tx:
            rows = tx.fetchall(
                f"SELECT purpose, status, SUM(late), COUNT(*) FROM {DISPATCHES.name} "
                "GROUP BY purpose, status"
            )
        counts: dict[tuple[str, str], int] = {}
        lates: dict[str, int] = {}
        due = 0
        for purpose, status, late_count, count in rows:
            if status == "due":
                due += int(count)
                continue
            counts[(str(purpose), str(status))] = int(count)
            if status == "sent":
                lates[str(purpose)] = int(late_count or 0)
        return counts, lates, due

    def scheduler(self) -> list[Metric]:
        silence = Heartbeat(self.services.db, self.services.app.clock).silence_seconds()
        age = gauge(
            "scheduler_last_tick_age_seconds",
            "Seconds since the newest tick of any scheduler (absent before the first).",
        )
        if silence is not None:
            age.add_metric([], silence)
        return [age]
