"""Many threads and a second process run commands at once: each commits whole.

No catch-up runs before the checks: the chain and the views must already be complete, since
every command wrote its links and view rows in its own transaction.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path
from uuid import UUID

from domain.errors import Conflict
from peerlearning.bootstrap import Services
from projections.rebuild import rebuild
from tests.integration.concurrency import FIRST_DAY
from tests.support.samples import announce, at, municipality

ROOT = Path(__file__).resolve().parents[2]
THREADS, ROUNDS = 8, 6


def run_commands(services: Services, series_id: UUID, enrollment_id: UUID, thread: int) -> None:
    for n in range(ROUNDS):
        try:
            if n % 2:
                services.app.join(enrollment_id, f"P {thread}-{n}", f"p{thread}-{n}@x.example", "t")
            else:
                day = FIRST_DAY + timedelta(days=thread * ROUNDS + n)
                services.app.schedule_meeting(
                    series_id, "exchange", at(day, 10), at(day, 11), "virtual", actor="t"
                )
        except Conflict:  # another thread changed the same aggregate first: refused whole
            continue


def test_threads_and_another_process_leave_a_whole_chain_and_whole_views(
    services: Services, store_url: str
) -> None:
    series_id = announce(services.app, capacity=5)
    enrollment_id, _ = services.app.enrol(
        series_id, municipality("Stadt Olpe"), "Ute Kühn", "ute@olpe.example", actor="ben"
    )
    other = subprocess.Popen(
        [sys.executable, "-m", "tests.audit.writer", store_url, "12", "B"], cwd=ROOT
    )
    threads = [
        threading.Thread(target=run_commands, args=(services, series_id, enrollment_id, t))
        for t in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert other.wait(timeout=120) == 0
    head = services.app.recorder.max_notification_id()
    verified = services.audit.verify(services.app)
    assert verified.ok and verified.unchained == 0, verified
    assert set(services.projector.positions().values()) == {head}
    report = rebuild(services.projector, show_progress=False)
    assert report.compared and report.ok, report.differences
