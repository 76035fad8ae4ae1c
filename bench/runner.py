"""Runs every figure on one store: data set, writes, rebuild, HTTP, reminders, time travel."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager

from tqdm import tqdm

from bench import (
    dataset,
    http_reads,
    http_writes,
    idle_tick,
    participation,
    rebuild,
    rebuild_memory,
    reminders,
    time_travel,
    write_path,
)
from bench.figures import Figure
from bench.scale import Scale
from bench.stores import StoreKind, fresh_store
from peerlearning.bootstrap import Services, bootstrap
from store.settings import store_settings


def small_scale(scale: Scale) -> Scale:
    """About 1,000 events, yet a full first page (21 series) of series shaped like the big
    store's (10 meetings each), so latencies differ by history, not by page or series size."""
    return dataclasses.replace(
        scale, series=21, enrollments_per_series=1, participants_per_enrollment=2
    )


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def opened(kind: StoreKind, label: str) -> Iterator[Services]:
    with fresh_store(kind, label) as url:
        services = bootstrap(store_settings(url))
        try:
            yield services
        finally:
            services.close()


@contextmanager
def step(kind: StoreKind, what: str) -> Iterator[None]:
    started = time.perf_counter()
    say(f"[{kind.name}] {what} ...")
    yield
    say(f"[{kind.name}] {what}: {time.perf_counter() - started:.1f} s")


class Failures(list[str]):
    """Figures that could not be measured, with the reason; the run goes on without them."""

    def attempt(
        self, kind: StoreKind, what: str, measure: Callable[[], list[Figure]]
    ) -> list[Figure]:
        try:
            with step(kind, what):
                return measure()
        except Exception as error:  # one broken figure must not hide the others
            self.append(f"{what} on {kind.name}: {type(error).__name__}: {error}")
            say(f"[{kind.name}] {what} FAILED: {type(error).__name__}: {error}")
            return []


def load(services: Services, scale: Scale, show: bool) -> int:
    with tqdm(total=scale.series, unit="series", desc="data set", disable=not show) as bar:
        return dataset.load(services.app, scale, bar.update)


def tenth(scale: Scale) -> Scale:
    return dataclasses.replace(scale, series=max(scale.series // 10, 1))


STEPS = (
    "scheduler",
    "write path",
    "rebuild",
    "rebuild memory",
    "HTTP reads",
    "HTTP writes",
    "time travel",
    "participation report",
)


def run_store(
    kind: StoreKind, scale: Scale, show: bool, failures: Failures, only: Sequence[str] = ()
) -> list[Figure]:
    """The scheduler's figures first: they measure a process that holds nothing else, as a
    scheduler process would, not one that still holds the large data set's leftovers.
    With `only`, just those steps (names as in `STEPS`, any case)."""
    wanted = {name.casefold() for name in only}

    def chosen(what: str) -> bool:
        return not wanted or what.casefold() in wanted

    store = kind.name
    figures = run_scheduler(kind, scale, failures) if chosen("scheduler") else []
    with ExitStack() as stack:
        main = stack.enter_context(opened(kind, "main"))
        small = stack.enter_context(opened(kind, "small"))
        part = stack.enter_context(opened(kind, "tenth"))
        with step(kind, f"{scale.name} data set"):
            say(f"[{store}] {load(main, scale, show):,} events recorded")
            load(small, small_scale(scale), False)
            load(part, tenth(scale), False)
        full_url, tenth_url = main.settings.url, part.settings.url
        measured: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("write path", lambda: [write_path.measure(main, store, scale.commands)]),
            ("rebuild", lambda: [rebuild.measure(main, store)]),
            (
                "rebuild memory",
                lambda: [rebuild_memory.measure(full_url, tenth_url, store)],
            ),
            ("HTTP reads", lambda: http_reads.measure(main, store, small, scale)),
            ("HTTP writes", lambda: [http_writes.measure(main, store, scale.http_seconds)]),
            ("time travel", lambda: travel(kind, scale.time_travel_events)),
            ("participation report", lambda: [participation.measure(main, store)]),
        ]
        for what, measure in measured:
            if chosen(what):
                figures.extend(failures.attempt(kind, what, measure))
    return figures


def travel(kind: StoreKind, events: int) -> list[Figure]:
    with fresh_store(kind, "timetravel") as url:
        figures = time_travel.measure(url, kind.name, events)
    return [dataclasses.replace(f, name=f"6 {f.name}") for f in figures]


def run_scheduler(kind: StoreKind, scale: Scale, failures: Failures) -> list[Figure]:
    meetings = scale.meetings_per_series * scale.series
    with ExitStack() as stack:
        dispatch = stack.enter_context(opened(kind, "dispatch"))
        many = stack.enter_context(opened(kind, "many"))
        few = stack.enter_context(opened(kind, "few"))
        return failures.attempt(
            kind,
            "reminder dispatch",
            lambda: [reminders.measure(dispatch, kind.name, scale.reminders)],
        ) + failures.attempt(
            kind,
            "scheduler idle tick",
            lambda: [idle_tick.measure(many, few, kind.name, meetings)],
        )
