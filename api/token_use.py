"""When each token was last used: a small table, written at most once a minute per token.

The write happens after the answer is sent, so a request never waits on it; a write that
fails is logged and tried again on a later request.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime

from store.app_db import AppDb

log = logging.getLogger(__name__)
TABLE = "access_token_use"
EVERY = 60.0


class TokenUse:
    def __init__(self, db: AppDb, every: float = EVERY) -> None:
        self.db = db
        self.every = every
        self.table = db.table(TABLE)
        self._written: dict[str, float] = {}
        self._lock = threading.Lock()
        with db.transaction(write=True) as tx:
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {self.table} "
                "(name TEXT PRIMARY KEY, last_used_at TEXT NOT NULL)"
            )

    def due(self, name: str) -> bool:
        """True once a minute per token; the caller then calls `record` later."""
        with self._lock:
            if time.monotonic() - self._written.get(name, float("-inf")) < self.every:
                return False
            self._written[name] = time.monotonic()
            return True

    def record(self, name: str, moment: datetime) -> None:
        try:
            with self.db.transaction(write=True) as tx:
                tx.execute(
                    f"INSERT INTO {self.table} (name, last_used_at) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET last_used_at = excluded.last_used_at",
                    (name, moment.isoformat()),
                )
        except Exception:  # only a convenience for the list; the next due request retries
            log.warning("Could not note when the token %s was last used", name, exc_info=True)
            with self._lock:
                self._written.pop(name, None)

    def last_used(self) -> dict[str, str]:
        with self.db.transaction() as tx:
            rows = tx.fetchall(f"SELECT name, last_used_at FROM {self.table}")
        return {str(name): str(moment) for name, moment in rows}
