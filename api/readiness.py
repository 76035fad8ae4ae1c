"""Whether this process should get traffic: the store answers, the views keep up, and the
scheduler (where one should run) ticks.

Settings, read from the app's config or the environment:
- `PEERLEARNING_READY_MAX_LAG`: events a view may be behind the log (default 1000);
- `PEERLEARNING_READY_SCHEDULER_SECONDS`: seconds since the newest scheduler tick after which
  the service is not ready; unset, the scheduler is not checked (a deployment without one);
- `PEERLEARNING_READY_STORE_SECONDS`: how long the store may take to answer (default 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from scheduler.heartbeat import Heartbeat
from store.db import ViewDb
from store.errors import StoreUnavailable

MAX_LAG = "PEERLEARNING_READY_MAX_LAG"
SCHEDULER_SECONDS = "PEERLEARNING_READY_SCHEDULER_SECONDS"
STORE_SECONDS = "PEERLEARNING_READY_STORE_SECONDS"


@dataclass
class Readiness:
    reasons: list[str] = field(default_factory=list)
    views: list[dict[str, Any]] = field(default_factory=list)
    scheduler_silence: float | None = None

    @property
    def ready(self) -> bool:
        return not self.reasons


def setting(config: Any, name: str, default: str | None) -> str | None:
    value = config.get(name) or os.environ.get(name)
    return str(value) if value else default


def store_answers(db: ViewDb, seconds: float) -> None:
    """A write transaction that reads the views' positions: a locked or gone store raises."""
    with db.transaction(write=True) as tx:
        if tx.dialect == "postgres":
            tx.execute(f"SET LOCAL statement_timeout = {int(seconds * 1000)}")
        tx.fetchall("SELECT name, position FROM view_tracking")


def view_reasons(views: list[dict[str, Any]], max_lag: int) -> list[str]:
    reasons = []
    for view in views:
        if view["stuck"]:
            stuck = view["stuck"]
            reasons.append(f"view {view['view']} is stuck at position {stuck.get('position')}")
        elif view["lag"] > max_lag:
            reasons.append(f"view {view['view']} lags {view['lag']} events (limit {max_lag})")
    return reasons


def scheduler_reason(silence: float | None, limit: float) -> str | None:
    if silence is None:
        return "no scheduler has ticked yet"
    if silence > limit:
        return f"the scheduler last ticked {silence:.0f} s ago (limit {limit:.0f} s)"
    return None


def readiness(services: Any, config: Any) -> Readiness:
    found = Readiness()
    try:
        store_answers(services.db, float(setting(config, STORE_SECONDS, "2") or 2))
        found.views = services.projector.health()
    except StoreUnavailable as error:  # the answer is the reason, not an error page
        found.reasons.append(f"the store does not answer: {error}")
        return found
    found.reasons += view_reasons(found.views, int(setting(config, MAX_LAG, "1000") or 1000))
    limit = setting(config, SCHEDULER_SECONDS, None)
    if limit is not None:
        found.scheduler_silence = Heartbeat(services.db, services.app.clock).silence_seconds()
        reason = scheduler_reason(found.scheduler_silence, float(limit))
        if reason:
            found.reasons.append(reason)
    return found
