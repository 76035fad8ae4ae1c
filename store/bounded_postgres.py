"""eventsourcing's PostgreSQL store, with its retries bounded in time.

eventsourcing 9.5 retries every recorder call ten times, 0.2 s apart, and each attempt waits for
a pooled connection as long as the pool's timeout (the connect timeout, whole seconds): while
PostgreSQL is down a write took about 50 s to fail. Neither the number of attempts nor the wait
is a setting, so this factory gives the shared pool a timeout per attempt that makes all the
attempts together end within `PEERLEARNING_OUTAGE_ANSWER_TIMEOUT`. Opening the store waits
for the pool's connections within that bound too.
"""

from __future__ import annotations

from eventsourcing.postgres import PostgresFactory
from eventsourcing.utils import Environment, EnvType

from store.settings import OUTAGE_ANSWER_TIMEOUT, outage_answer_timeout

LIBRARY_ATTEMPTS = 10  # @retry(max_attempts=10, wait=0.2) on the recorders' methods
LIBRARY_PAUSE = 0.2 * 1.05  # between attempts, with the library's jitter of at most 5 %
SHORTEST_ATTEMPT = 0.05


def attempt_timeout(bound: float) -> float:
    """How long one attempt may wait for a connection, so that all attempts fit in `bound`."""
    pauses = (LIBRARY_ATTEMPTS - 1) * LIBRARY_PAUSE
    return max(SHORTEST_ATTEMPT, (bound - pauses) / LIBRARY_ATTEMPTS)


class BoundedPostgresFactory(PostgresFactory):
    def __init__(self, env: Environment | EnvType | None) -> None:
        super().__init__(env)
        bound = outage_answer_timeout(self.env.get(OUTAGE_ANSWER_TIMEOUT))
        self.datastore.pool.timeout = attempt_timeout(bound)
        # The library creates its tables in one attempt, which would wait only one attempt's
        # time for the pool's first connection: a slow connect at start-up (a busy server)
        # refused the store. The pool is opened here and filled within the whole bound.
        self.datastore.pool.open(wait=True, timeout=bound)
