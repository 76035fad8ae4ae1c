"""Two schedulers as the way to be available, on both stores; a graceful stop mid-batch."""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.scheduler.processes import (
    DispatchWatch,
    scheduler_env,
    start_scheduler,
    stop,
    store_with_due_reminders,
)
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.waiting import wait_until

pytestmark = pytest.mark.heavy


def delivered(sink: SmtpSink) -> Counter[str]:
    return Counter(str(m["Message-ID"]) for m in sink.messages)


@pytest.fixture
def watch(store_url: str) -> Iterator[DispatchWatch]:
    watcher = DispatchWatch(store_url)
    yield watcher
    watcher.close()


def test_two_schedulers_one_killed_mid_batch_every_mail_goes_out(
    store_url: str, sink: SmtpSink, watch: DispatchWatch, tmp_path: Path
) -> None:
    people = 160
    store_with_due_reminders(store_url, people)
    sink.handler.delay = 0.01
    env = scheduler_env(store_url, sink.env)
    processes = [start_scheduler(env, tmp_path / f"scheduler{i}.log") for i in (1, 2)]
    try:
        wait_until(lambda: len(sink.messages) >= 40, 60, "the batch to be under way")
        processes[0].send_signal(signal.SIGKILL)
        processes[0].wait(timeout=10)
        assert len(sink.messages) < people, "killed in the middle of the batch"
        wait_until(lambda: watch.all_sent(people), 90, "every reminder sent by the survivor")
    finally:
        for process in processes:
            stop(process)
    counts = delivered(sink)
    assert len(counts) == people, "none lost"
    # Only a mail in the killed process's SMTP conversation at the kill can go out twice.
    assert sum(counts.values()) - people <= 1, f"duplicates: {counts.most_common(3)}"


def test_sigterm_during_a_batch_leaves_no_claim_for_a_lease(
    store_url: str, sink: SmtpSink, watch: DispatchWatch, tmp_path: Path
) -> None:
    people = 160
    store_with_due_reminders(store_url, people)
    sink.handler.delay = 0.01
    env = scheduler_env(store_url, sink.env)
    first = start_scheduler(env, tmp_path / "first.log")
    try:
        wait_until(lambda: len(sink.messages) >= 40, 60, "the batch to be under way")
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=60) == 0, "stopped on its own"
    finally:
        stop(first)
    assert watch.statuses().get("due", 0) == 0, "a claim left behind"
    second = start_scheduler(env, tmp_path / "second.log")
    try:
        wait_until(lambda: watch.all_sent(people), 90, "every reminder sent")
    finally:
        stop(second)
    counts = delivered(sink)
    assert len(counts) == people and max(counts.values()) == 1, counts.most_common(3)
