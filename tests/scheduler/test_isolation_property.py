"""Generated series, offsets, people and meeting changes: nothing stops anyone else's mail.

Every example runs on a fresh store of its kind, with a real SMTP server on loopback. At
every moment a reminder falls due the fired reminder jobs run, then `reconcile` and `sweep`;
moves and cancellations happen between those moments. Afterwards each healthy person got
every reminder due to them exactly once (and the notices of changes they were reminded of),
and every mail of a poisoned person or a poisoned offset is recorded as failed.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from domain.errors import InvalidValue
from domain.reminder_rules import reminder_due_at
from peerlearning.bootstrap import Services, bootstrap
from scheduler import jobs
from scheduler.dispatch_queries import DispatchQueries
from scheduler.message import message_id_for
from scheduler.process import ReminderScheduler
from scheduler.settings import reminder_settings
from store.settings import store_settings
from tests.scheduler.legacy import join_as, set_offsets
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.samples import municipality, series_fields
from tests.support.stores import postgres_schema, sqlite_url

pytestmark = pytest.mark.heavy

AHEAD = timedelta(days=400)  # everyone joins this long before the first meeting
MOVED_BY = timedelta(days=400)  # a moved meeting's reminders all fall after the move
FIRST_DAY, LAST_DAY = date(2001, 3, 1), date(2197, 6, 1)  # within 2000..2199 with the above
ZONES = st.sampled_from(["Europe/Berlin", "UTC", "America/New_York", "Asia/Kolkata"])

HEALTHY_OFFSETS = st.one_of(
    st.sampled_from(["PT30M", "PT1H", "P1D", "P2D", "P7D", "P1W", "P366D"]),
    st.integers(1, 366).map(lambda days: f"P{days}D"),
    st.integers(1, 48).map(lambda hours: f"PT{hours}H"),
)
FAR_OFFSETS = st.one_of(  # up to and beyond the calendar's first day, and beyond a duration
    st.sampled_from(["P3000000D", "P999999999D", "P9999999999D", "P99999999999W"]),
    st.integers(700_000, 1_000_000).map(lambda days: f"P{days}D"),
)
OFFSETS = st.lists(st.one_of(HEALTHY_OFFSETS, FAR_OFFSETS), min_size=1, max_size=3, unique=True)

PLAIN_NAMES = st.text(
    st.characters(whitelist_categories=("Lu", "Ll", "Zs"), max_codepoint=0x24F),
    min_size=1,
    max_size=40,
)
MARKUP_NAMES = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        'Eva "Q" <b>&amp;',
        "O'Brien & Söhne; CN=x:mailto:evil@example.org",
        "=?utf-8?b?SGFsbG8=?=",
        "END:VEVENT",
        "\\\\ back\\slash",
    ]
)
NONBMP_NAMES = st.text(st.characters(min_codepoint=0x10000, max_codepoint=0x1FAFF), max_size=60)
LONG_NAMES = st.text(st.sampled_from("abcäöü XYZ-"), min_size=300, max_size=3000)
ANY_PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=80)
BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x00", "\t", "\x1b", "\x85", "\u2028", "\x7f"])
BROKEN_NAMES = st.one_of(
    st.just("Tom\nBcc: victim@example.org"),
    st.builds(lambda a, cut, b: a + cut + b, PLAIN_NAMES, BREAKS, PLAIN_NAMES),
)
NAMES = st.one_of(PLAIN_NAMES, MARKUP_NAMES, NONBMP_NAMES, LONG_NAMES, ANY_PRINTABLE, BROKEN_NAMES)
CHANGES = st.sampled_from(["none", "move", "cancel"])


@dataclass
class Person:
    name: str
    broken_address: bool
    participant_id: UUID | None = None

    @property
    def poisoned(self) -> bool:
        return breaks_a_header(self.name) or self.broken_address


@dataclass
class Plan:
    """One generated series: its meeting, offsets, people, and what happens to the meeting."""

    day: date
    hour: int
    zone: str
    offsets: list[str]
    people: list[Person]
    change: str
    cut: int  # how many of the first version's reminders fall due before the change
    joined_at: datetime = datetime.min.replace(tzinfo=UTC)  # everyone's, set by the run
    series_id: UUID | None = None
    meeting_id: UUID | None = None

    @property
    def starts_at(self) -> datetime:
        return datetime(self.day.year, self.day.month, self.day.day, self.hour, tzinfo=UTC)

    def due_times(self, starts_at: datetime) -> dict[str, datetime | None]:
        """offset -> due time, None if it has none (the scheduler must fail its mails)."""
        found: dict[str, datetime | None] = {}
        for offset in self.offsets:
            try:
                found[offset] = reminder_due_at(starts_at, offset, self.zone)
            except InvalidValue:
                found[offset] = None
        return found

    def due_to_people(self, starts_at: datetime) -> dict[str, datetime]:
        """The reminders due after everyone joined: those they are to get."""
        found = self.due_times(starts_at).items()
        return {o: t for o, t in found if t is not None and t >= self.joined_at}

    def far(self) -> list[str]:
        return [o for o, t in self.due_times(self.starts_at).items() if t is None]


def breaks_a_header(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" or c in "\u2028\u2029" for c in text)


PLANS = st.builds(
    Plan,
    day=st.dates(FIRST_DAY, LAST_DAY),
    hour=st.integers(6, 18),
    zone=ZONES,
    offsets=OFFSETS,
    people=st.lists(
        st.builds(Person, NAMES, st.sampled_from([False, False, False, True])),
        min_size=1,
        max_size=4,
    ),
    change=CHANGES,
    cut=st.integers(0, 3),
)


@contextmanager
def fresh_store(kind: str, directory: Path) -> Iterator[str]:
    if kind == "sqlite":
        directory.mkdir()
        yield sqlite_url(directory)
    else:
        with postgres_schema() as url:
            yield url


class Run:
    """One example: the series written straight into the log, then time moved step by step."""

    def __init__(self, services: Services, sink: SmtpSink, clock: FakeClock) -> None:
        self.app, self.clock, self.sink = services.app, clock, sink
        self.scheduler = ReminderScheduler(services, reminder_settings(sink.env))
        self.scheduler.scheduler.start(paused=True)  # jobs are fired by hand, at fake times
        jobs.activate(self.scheduler.key, self.scheduler)
        self.dispatches = DispatchQueries(services.db)

    def close(self) -> None:
        self.scheduler.shutdown(wait=False)

    def write(self, plans: list[Plan]) -> None:
        for number, plan in enumerate(plans):
            fields = series_fields(
                title=f"Reihe {number}", starts_on=plan.day, ends_on=None, timezone=plan.zone
            )
            plan.series_id = self.app.announce(actor="anna", **fields)
            enrollment_id, _ = self.app.enrol(
                plan.series_id, municipality(), "Clara Kontakt", "clara@example.org", actor="anna"
            )
            for index, person in enumerate(plan.people):
                local = f"p{number}-{index}" + ("\n" if person.broken_address else "")
                person.participant_id = join_as(
                    self.app, enrollment_id, person.name, f"{local}@example.org"
                )
            set_offsets(self.app, plan.series_id, *plan.offsets)
            plan.meeting_id = self.app.schedule_meeting(
                plan.series_id,
                "kickoff",
                plan.starts_at,
                plan.starts_at + timedelta(hours=1),
                "virtual",
                actor="anna",
                video_url="https://video.example.org/room",
            )

    def tick(self, moment: datetime) -> None:
        """Time comes to `moment`: the jobs due by then fire, then reconcile and sweep."""
        self.clock.set(moment)
        for job in self.scheduler.pending_jobs():
            if job.trigger.run_date <= moment:
                job.remove()
                jobs.send_reminder(*job.args)
        self.scheduler.reconcile()
        self.scheduler.service.sweep()


def timeline(plans: list[Plan]) -> list[tuple[datetime, list[tuple[str, Plan]]]]:
    """Moments at which something happens, each with the changes made just before it."""
    steps: dict[datetime, list[tuple[str, Plan]]] = {}
    for plan in plans:
        dues = sorted(set(plan.due_to_people(plan.starts_at).values()))
        if plan.change == "none":
            for moment in dues:
                steps.setdefault(moment, [])
            continue
        before = dues[: plan.cut]
        for moment in before:
            steps.setdefault(moment, [])
        changed_at = (before[-1] if before else plan.joined_at) + timedelta(minutes=1)
        steps.setdefault(changed_at, []).append((plan.change, plan))
        if plan.change == "move":
            for moment in plan.due_to_people(plan.starts_at + MOVED_BY).values():
                steps.setdefault(moment, [])
    return sorted(steps.items(), key=lambda step: step[0])


def apply(run: Run, change: str, plan: Plan) -> None:
    assert plan.series_id is not None and plan.meeting_id is not None
    if change == "move":
        moved = plan.starts_at + MOVED_BY
        run.app.reschedule_meeting(
            plan.series_id, plan.meeting_id, moved, moved + timedelta(hours=1), actor="anna"
        )
    else:
        run.app.cancel_meeting(plan.series_id, plan.meeting_id, actor="anna")


def expected(plan: Plan, reminded_before_change: bool) -> Counter[tuple[Any, ...]]:
    """(purpose, offset, version) of every mail due to a person; notices without version."""
    first = plan.due_to_people(plan.starts_at)
    wanted: Counter[tuple[Any, ...]] = Counter()
    if plan.change == "none":
        kept = list(first)
    else:
        cut = sorted(set(first.values()))[: plan.cut]
        kept = [offset for offset, due in first.items() if due in cut]
    wanted.update(("reminder", offset, 1) for offset in kept)
    if plan.change == "move":
        moved = plan.due_to_people(plan.starts_at + MOVED_BY)
        wanted.update(("reminder", offset, 2) for offset in moved)
        if reminded_before_change:
            wanted[("change", None, None)] += 1
    if plan.change == "cancel" and reminded_before_change:
        wanted[("cancellation", None, None)] += 1
    return wanted


def unplannable(plan: Plan) -> Counter[tuple[Any, ...]]:
    versions = (1, 2) if plan.change == "move" else (1,)
    return Counter(("reminder", offset, version) for offset in plan.far() for version in versions)


def check(run: Run, plans: list[Plan]) -> None:
    arrived = Counter(str(mail["Message-ID"]) for mail in run.sink.messages)
    every = run.dispatches.listing(limit=100_000)
    assert [d for d in every if d["status"] == "due"] == [], "no mail is left hanging"
    sent_ids = {message_id_for(d["dispatch_id"]) for d in every if d["status"] == "sent"}
    assert set(arrived) == sent_ids and set(arrived.values()) <= {1}, "each sent mail once"
    for plan in plans:
        for person in plan.people:
            mine = [d for d in every if d["participant_id"] == person.participant_id]
            check_person(plan, person, mine)


def key(dispatch: dict[str, Any]) -> tuple[Any, ...]:
    if dispatch["purpose"] == "reminder":
        return ("reminder", dispatch["offset"], dispatch["schedule_version"])
    return (dispatch["purpose"], None, None)


def check_person(plan: Plan, person: Person, mine: list[dict[str, Any]]) -> None:
    sent = Counter(key(d) for d in mine if d["status"] == "sent")
    failed = Counter(key(d) for d in mine if d["status"] == "failed")
    missed = [d for d in mine if d["status"] == "missed"]
    assert missed == [], "no due reminder is given up: each had its own sweep"
    assert all("@" not in d["reason"] for d in mine if d["status"] == "failed")
    if person.poisoned:
        assert sent == Counter(), "a mail that breaks its headers never goes out"
        assert failed == expected(plan, False) + unplannable(plan)
        return
    reminded = any(k[2] == 1 for k in sent)
    assert sent == expected(plan, reminded), "every due mail exactly once"
    assert failed == unplannable(plan), "the offsets beyond the calendar fail, once each"


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(plans=st.lists(PLANS, min_size=1, max_size=3))
@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_no_series_person_or_change_stops_anyone_elses_mail(
    kind: str, plans: list[Plan], sink: SmtpSink, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if kind == "postgres":  # PostgreSQL's text cannot hold NUL: such a name never reaches a view
        assume(not any("\x00" in person.name for plan in plans for person in plan.people))
    sink.clear()
    clock = FakeClock(min(plan.starts_at for plan in plans) - AHEAD)
    for plan in plans:
        plan.joined_at = clock.now()
    directory = tmp_path_factory.mktemp("store") / "example"
    with fresh_store(kind, directory) as url:
        services = bootstrap(store_settings(url), clock=clock)
        run = Run(services, sink, clock)
        try:
            run.write(plans)
            run.tick(clock.now())
            for moment, changes in timeline(plans):
                run.clock.set(moment)
                for change, plan in changes:
                    apply(run, change, plan)
                run.tick(moment)
            check(run, plans)
        finally:
            run.close()
            services.close()
