"""Records what became of each sent mail on a thread of its own, in the order they were sent.

Recording a mail's outcome waits for the store (a commit, and on PostgreSQL the network);
sending the next one waits for the SMTP server. Overlapping the two keeps send-then-record
for every mail: a mail is recorded only after its own send, and the next mail is handed
over only once the record before it is done. So while one mail is sent, at most one sent
mail waits for its record: a crash leaves at most these two to be sent again (with the same
Message-ID) once their lease runs out, where recording in the sender's thread left one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextvars import copy_context
from queue import Queue
from types import TracebackType

Settlement = Callable[[], object]  # what it returns is not used


class Settling:
    """A context: `settle` hands over a record once the one before it is done; leaving
    waits for the last and re-raises a failure. After a failure no further record is made
    and `check` raises it, so the sender stops instead of sending mails it cannot record."""

    def __init__(self) -> None:
        self._queue: Queue[Settlement | None] = Queue()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="mail-settling", daemon=True)

    def __enter__(self) -> Settling:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._queue.put(None)
        self._thread.join()
        if error is None:
            self.check()

    def settle(self, settlement: Settlement) -> None:
        """Waits for the record before, then hands this one over, to run in the caller's
        context (its run's id for the logs)."""
        self._queue.join()
        self.check()
        context = copy_context()
        self._queue.put(lambda: context.run(settlement))

    def check(self) -> None:
        """Raises the failure of an earlier record, if one failed."""
        if self._failure is not None:
            raise self._failure

    def _run(self) -> None:
        while True:
            settlement = self._queue.get()
            try:
                if settlement is None:
                    return
                settlement()
            except BaseException as error:  # handed to the sender's thread, raised there
                self._failure = error
            finally:
                self._queue.task_done()
