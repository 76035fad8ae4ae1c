"""The thread that records sent mails: in order, in the sender's context, one at a time
behind the sender, and a record that fails stops the sender."""

from __future__ import annotations

import threading
from contextvars import ContextVar

import pytest

from scheduler.settling import Settling

run_id: ContextVar[str] = ContextVar("run_id", default="none")


def test_records_run_in_the_order_they_were_handed_and_all_before_leaving() -> None:
    done: list[int] = []
    with Settling() as settling:
        for number in range(50):
            settling.settle(lambda number=number: done.append(number))
    assert done == list(range(50))


def test_a_record_runs_in_the_context_of_the_sender_that_handed_it() -> None:
    seen: list[str] = []
    with Settling() as settling:
        for name in ("first", "second"):
            token = run_id.set(name)
            settling.settle(lambda: seen.append(run_id.get()))
            run_id.reset(token)
    assert seen == ["first", "second"]


def test_a_failed_record_stops_the_sender_and_no_later_record_runs() -> None:
    done: list[int] = []
    with pytest.raises(ConnectionError), Settling() as settling:
        settling.settle(lambda: done.append(1))
        settling.settle(_failing)
        settling.settle(lambda: done.append(3))
    assert done == [1]
    with pytest.raises(ConnectionError):
        settling.settle(lambda: done.append(4))
    assert done == [1]


def test_a_record_failing_last_fails_the_whole_delivery() -> None:
    with pytest.raises(ConnectionError), Settling() as settling:
        settling.settle(_failing)


def _failing() -> None:
    raise ConnectionError("the store does not answer")


def test_the_sender_hands_over_a_record_only_once_the_one_before_is_done() -> None:
    release, running = threading.Event(), threading.Event()
    handed: list[int] = []

    def held() -> None:
        running.set()
        release.wait()

    def sender(settling: Settling) -> None:
        for number in range(3):
            settling.settle(held if number == 0 else lambda: None)
            handed.append(number)

    with Settling() as settling:
        thread = threading.Thread(target=sender, args=(settling,))
        thread.start()
        running.wait()
        thread.join(timeout=0.2)
        waiting, handed_while_held = thread.is_alive(), list(handed)
        release.set()
        thread.join()
    assert waiting, "the sender went on while the record before was not done"
    assert handed_while_held == [0]
    assert handed == [0, 1, 2]


def test_an_error_of_the_sender_is_not_masked_and_the_records_before_it_are_kept() -> None:
    done: list[int] = []
    with pytest.raises(KeyError), Settling() as settling:
        settling.settle(lambda: done.append(1))
        raise KeyError("the sender's own error")
    assert done == [1]
