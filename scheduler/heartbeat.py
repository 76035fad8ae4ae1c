"""Each scheduler notes when it last ticked, so readiness and metrics see a silent one.

One row per scheduler process (its claim owner), written at every sweep; the newest tick of
any of them is what counts: with two schedulers, one stopped is no alarm while the other runs.
"""

from __future__ import annotations

from datetime import datetime

from domain.clock import Clock
from store.db import ViewDb

TABLE = "scheduler_ticks"
DDL = f"CREATE TABLE IF NOT EXISTS {TABLE} (owner TEXT PRIMARY KEY, ticked_at TEXT NOT NULL)"


class Heartbeat:
    def __init__(self, db: ViewDb, clock: Clock) -> None:
        self.db, self.clock = db, clock
        self._made = False

    def _ensure_table(self) -> None:
        if not self._made:
            with self.db.transaction(write=True) as tx:
                if tx.dialect == "postgres":  # two processes creating it at once collide
                    tx.execute(f"SELECT pg_advisory_xact_lock(hashtext('{TABLE}'))")
                tx.execute(DDL)
            self._made = True

    def tick(self, owner: str) -> None:
        self._ensure_table()
        with self.db.transaction(write=True) as tx:
            tx.execute(
                f"INSERT INTO {TABLE} (owner, ticked_at) VALUES (?, ?) "
                "ON CONFLICT (owner) DO UPDATE SET ticked_at = excluded.ticked_at",
                (owner, self.clock.now().isoformat()),
            )

    def last_tick(self) -> datetime | None:
        """The newest tick of any scheduler; None when none has ever ticked."""
        self._ensure_table()
        with self.db.transaction() as tx:
            rows = tx.fetchall(f"SELECT ticked_at FROM {TABLE}")
        ticks = [datetime.fromisoformat(str(row[0])) for row in rows]
        return max(ticks, default=None)

    def silence_seconds(self) -> float | None:
        """Seconds since the newest tick; None when no scheduler ever ticked."""
        last = self.last_tick()
        return None if last is None else (self.clock.now() - last).total_seconds()
