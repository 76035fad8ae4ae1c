"""Stopping `peerlearning serve` without cutting a request short.

waitress stops its loop at once on SIGTERM or Ctrl-C: a request being read is dropped, and an
answer being written may never leave. Here the loop is driven until a stop is asked for; then
the listening socket closes (new connections are refused), and the loop goes on until every
connection that has begun a request has been answered and its answer sent, or until
`DRAIN_SECONDS` pass. Idle keep-alive connections do not hold the stop up.
"""

from __future__ import annotations

import logging
import threading
import time
from types import FrameType
from typing import Any

from waitress import wasyncore

log = logging.getLogger(__name__)
DRAIN_SECONDS = 30.0
TICK_SECONDS = 0.05


class Draining:
    """Runs a waitress server until `stop` is called (from a signal handler), then drains it."""

    def __init__(self, server: Any, drain_seconds: float = DRAIN_SECONDS) -> None:
        self.server = server
        self.drain_seconds = drain_seconds
        self.stopping = threading.Event()

    def stop(self, signum: int = 0, frame: FrameType | None = None) -> None:
        self.stopping.set()
        self.server.pull_trigger()  # wakes the loop at once

    def run(self) -> None:
        while not self.stopping.is_set():
            self._tick(self.server.adj.asyncore_loop_timeout)
        self._refuse_new_connections()
        unfinished = self._drain()
        if unfinished:
            log.warning(
                "Stopped with %d request(s) unanswered after %ss", unfinished, self.drain_seconds
            )
        else:
            log.info("Every request in flight was answered; stopping")
        self.server.task_dispatcher.shutdown(timeout=1)
        wasyncore.close_all(self.server._map)

    def _tick(self, timeout: float) -> None:
        wasyncore.loop(timeout=timeout, map=self.server._map, count=1)

    def _refuse_new_connections(self) -> None:
        self.server.del_channel()
        self.server.socket.close()

    def _drain(self) -> int:
        deadline = time.monotonic() + self.drain_seconds
        while (busy := self._busy()) and time.monotonic() < deadline:
            self._tick(TICK_SECONDS)
        return busy

    def _busy(self) -> int:
        """Connections with a request begun, queued, being served or an answer not yet sent."""
        return sum(1 for channel in list(self.server.active_channels.values()) if _busy(channel))


def _busy(channel: Any) -> bool:
    return bool(channel.request is not None or channel.requests or channel.total_outbufs_len)
