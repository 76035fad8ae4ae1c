"""Where dispatch events are written: an application object of their own on the same store.

Thousands of claims and outcomes would otherwise each trigger the process's listeners (the
views, the audit chain). The reminder service writes through this object instead and lets
those listeners catch up once per batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from peerlearning.application import StoreApplication
from peerlearning.enrollment_commands import PeerLearningApp

log = logging.getLogger(__name__)


def dispatch_writer(app: StoreApplication) -> PeerLearningApp:
    return PeerLearningApp(env=dict(app.env), clock=app.clock, personal_data=app.personal_data)


def listeners_of(app: StoreApplication) -> Callable[[], None]:
    """Runs the listeners of the process's application, as if it had recorded something."""

    def catch_up() -> None:
        for listener in list(app.recorded_listeners):
            try:
                listener([])
            except Exception:  # a listener that fails must not stop the reminders
                log.warning("A listener failed after a batch of reminders", exc_info=True)

    return catch_up
