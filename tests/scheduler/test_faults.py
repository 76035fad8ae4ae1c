"""Fault tests with real processes: SMTP outages, SIGKILL mid-batch, two schedulers."""

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
from tests.support.stores import postgres_schema
from tests.support.waiting import wait_until

pytestmark = pytest.mark.heavy


def delivered(sink: SmtpSink) -> Counter[str]:
    return Counter(str(m["Message-ID"]) for m in sink.messages)


@pytest.fixture
def watch(store_url: str) -> Iterator[DispatchWatch]:
    watcher = DispatchWatch(store_url)
    yield watcher
    watcher.close()


def test_smtp_refusing_for_a_while_then_recovering_loses_and_doubles_nothing(
    store_url: str, sink: SmtpSink, watch: DispatchWatch, tmp_path: Path
) -> None:
    people = 60
    store_with_due_reminders(store_url, people)
    sink.stop()
    process = start_scheduler(scheduler_env(store_url, sink.env), tmp_path / "scheduler.log")
    try:
        wait_until(lambda: watch.statuses().get("due") == people, 30, "claims")
        wait_until(lambda: watch.fewest_attempts() >= 2, 30, "every mail to fail and be retried")
        sink.handler.busy_replies = 25
        sink.start()
        wait_until(lambda: watch.all_sent(people), 60, "every reminder sent")
    finally:
        stop(process)
    counts = delivered(sink)
    assert len(counts) == people
    assert max(counts.values()) == 1
    assert sink.handler.busy_replies == 0, "the busy replies were met and retried"


def test_sigkill_mid_batch_loses_nothing_and_doubles_at_most_the_mails_in_flight(
    store_url: str, sink: SmtpSink, watch: DispatchWatch, tmp_path: Path
) -> None:
    people = 220
    store_with_due_reminders(store_url, people)
    sink.handler.delay = 0.01
    env = scheduler_env(store_url, sink.env)
    first = start_scheduler(env, tmp_path / "first.log")
    try:
        wait_until(lambda: len(sink.messages) >= 70, 60, "the batch to be under way")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        sent_before_restart = len(sink.messages)
        assert sent_before_restart < people, "killed in the middle of the batch"
    finally:
        stop(first)
    second = start_scheduler(env, tmp_path / "second.log")
    try:
        wait_until(lambda: watch.all_sent(people), 90, "every reminder sent")
    finally:
        stop(second)
    counts = delivered(sink)
    assert len(counts) == people, "none lost"
    # the mail being handed over and the one being recorded (scheduler/settling.py)
    assert sum(counts.values()) - people <= 2, f"duplicates: {counts.most_common(3)}"


def swept_again(watch: DispatchWatch, processes: int) -> None:
    before = watch.ticks()

    def all_swept_since() -> bool:
        now = watch.ticks()
        return len(now) >= processes and all(now[o] > before.get(o, "") for o in now)

    wait_until(all_swept_since, 30, "every scheduler to sweep again")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def test_two_schedulers_on_one_postgres_store_never_send_twice(
    postgres_url: str, sink: SmtpSink, tmp_path: Path
) -> None:
    people = 200
    store_with_due_reminders(postgres_url, people)
    env = scheduler_env(postgres_url, sink.env, PEERLEARNING_REMINDER_LEASE="PT5M")
    processes = [start_scheduler(env, tmp_path / f"scheduler{i}.log") for i in (1, 2)]
    watcher = DispatchWatch(postgres_url)
    try:
        wait_until(lambda: watcher.all_sent(people), 90, "every reminder sent")
        for _ in range(2):  # both keep sweeping; nothing more may go out
            swept_again(watcher, processes=2)
    finally:
        watcher.close()
        for process in processes:
            stop(process)
    counts = delivered(sink)
    assert len(counts) == people
    assert max(counts.values()) == 1, f"sent twice: {counts.most_common(3)}"
    logs = [(tmp_path / f"scheduler{i}.log").read_text() for i in (1, 2)]
    assert all("Reminder scheduler" in log for log in logs), "both processes ran"
