"""One unit of work fails alone: it is logged once, by its ids and the kind of failure.

A unit is one meeting's plan, one meeting's reminders or notices, one retried mail, one job
run. Its failure never ends the loop that holds it. The log names the unit by ids and the
failure by its type and the place it was raised: never its message, which may quote a name
or an address (header errors do).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from store.errors import StoreUnavailable

log = logging.getLogger(__name__)
REMEMBERED = 10_000  # failures reported at WARNING before the memory starts anew


class _Reported:
    """The failures already logged at WARNING; a repeat is logged at DEBUG only."""

    def __init__(self) -> None:
        self.keys: set[tuple[str, ...]] = set()
        self.lock = threading.Lock()

    def first_time(self, key: tuple[str, ...]) -> bool:
        with self.lock:
            if key in self.keys:
                return False
            if len(self.keys) >= REMEMBERED:
                self.keys.clear()
            self.keys.add(key)
            return True


_reported = _Reported()


def failure_kind(error: BaseException) -> str:
    """'HeaderParseError (header.py:385 in _normalize)': the type and where, not the message."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    last = frames[-1]
    return f"{type(error).__name__} ({PurePath(last.filename).name}:{last.lineno} in {last.name})"


def report_once(unit: str, ids: tuple[object, ...], kind: str) -> None:
    """Logs that a unit failed: at WARNING the first time, at DEBUG on every repeat."""
    key = (unit, *map(str, ids), kind)
    level = logging.WARNING if _reported.first_time(key) else logging.DEBUG
    log.log(level, "%s %s failed: %s", unit, " ".join(map(str, ids)), kind)


@dataclass
class Unit:
    failed: bool = False


@contextmanager
def one_unit(unit: str, *ids: object) -> Iterator[Unit]:
    """Runs one unit of work; if it fails, the failure is reported and the caller goes on.

    An unavailable store is not the unit's failure but every unit's: it ends the run, and
    the next run tries again.
    """
    outcome = Unit()
    try:
        yield outcome
    except StoreUnavailable:
        raise
    except Exception as error:  # whatever broke this unit stays with this unit
        outcome.failed = True
        report_once(unit, ids, failure_kind(error))


@contextmanager
def one_run(job: str) -> Iterator[None]:
    """A scheduler job: never hands an exception (and its message) to APScheduler's log."""
    try:
        yield
    except StoreUnavailable:
        report_once(job, (), "the store is unavailable; the next run tries again")
    except Exception as error:  # the next run of the job tries again
        report_once(job, (), failure_kind(error))
