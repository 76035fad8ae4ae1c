"""`peerlearning scheduler`: the reminder process, one per deployment."""

from __future__ import annotations

import argparse
import logging
import signal
import threading
from types import FrameType

from peerlearning.bootstrap import bootstrap
from scheduler.process import ReminderScheduler
from scheduler.settings import reminder_settings

log = logging.getLogger(__name__)


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "scheduler",
        help="send reminder e-mails before meetings (run one, not one per web worker)",
    )
    parser.set_defaults(run=run_scheduler)


def run_scheduler(args: argparse.Namespace) -> int:
    settings = reminder_settings()
    services = bootstrap()
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        log.info("Stopping the reminder scheduler (signal %s)", signum)
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        services.hold_in_service()
        scheduler = ReminderScheduler(services, settings).start()
        try:
            stopping.wait()
        finally:
            scheduler.shutdown()
    finally:
        services.close()
    return 0
