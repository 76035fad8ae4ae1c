"""Catching the views up, every half second, with events no command of this process applied."""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from store.errors import StoreUnavailable

log = logging.getLogger(__name__)


class Follower(Protocol):
    def catch_up(self) -> object: ...


class Poller:
    """Catches the views up with events this process's commands did not apply."""

    def __init__(self, projector: Follower, interval: float = 0.5) -> None:
        self.projector = projector
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="view-poller", daemon=True)

    def start(self) -> Poller:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.projector.catch_up()
            except StoreUnavailable:
                log.warning("The store did not answer; the views catch up at the next poll")
            except Exception:  # rolled back with its position: nothing is lost, only late
                log.exception("Catching up the views failed; retrying at the next poll")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
