"""Random command sequences on one series: rules hold after every step, replay agrees."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from domain.errors import DomainError
from domain.peer_learning import PeerLearning
from peerlearning.bootstrap import Services
from projections.rebuild import rebuild
from tests.reliability.figures import record
from tests.reliability.series_model import Seats, schedule_problems
from tests.support.clock import FakeClock
from tests.support.samples import announce, at, municipality

START = date(2024, 10, 1)
PLACES = ["Stadt Arnsberg", "Gemeinde Olpe", "Stadt Weißenfels", "Markt Süderlügum", "Stadt Ulm"]
KINDS = st.sampled_from(["kickoff", "exchange", "exchange", "reflection"])
DAYS = st.integers(min_value=0, max_value=90)
LATE = 20  # steps before ending the series is tried, so the rest gets exercised first
HOURS = st.integers(min_value=8, max_value=17)
PICK = st.integers(min_value=0, max_value=50)


class SeriesMachine(RuleBasedStateMachine):
    services: Services
    clock: FakeClock

    def __init__(self) -> None:
        super().__init__()
        self.clock.set(at(START - timedelta(days=10), 8))
        self.app = self.services.app
        self.seats = Seats(capacity=1)
        self.series_id = announce(self.app, capacity=1, planned_meetings=8)
        self.steps = 0
        self.meetings: list[UUID] = []
        self.enrollments: list[UUID] = []
        self.participants: list[tuple[UUID, UUID]] = []
        self.schedule("kickoff", 7, 10)
        for place in PLACES[:2]:
            self.enrol(place)

    # ---- every command goes through here ------------------------------------
    def attempt(self, command: Callable[[], Any]) -> Any:
        self.steps += 1
        before = self.app.series(self.series_id)
        try:
            result = command()
        except DomainError:
            after = self.app.series(self.series_id)
            assert after.version == before.version, "a refused command changed the series"
            return None
        assert not before.is_finished, "a finished series accepted a change"
        return result

    # ---- the series ---------------------------------------------------------
    @rule(kind=KINDS, day=DAYS, hour=HOURS)
    def schedule(self, kind: str, day: int, hour: int) -> None:
        on = START + timedelta(days=day)
        found = self.attempt(
            lambda: self.app.schedule_meeting(
                self.series_id, kind, at(on, hour), at(on, hour + 2), "virtual", actor="anna"
            )
        )
        if found is not None:
            self.meetings.append(found)

    @rule(pick=PICK, day=DAYS, hour=HOURS)
    def reschedule(self, pick: int, day: int, hour: int) -> None:
        if planned := self.planned():  # a held or cancelled one is refused, and tried elsewhere
            on, meeting = START + timedelta(days=day), planned[pick % len(planned)]
            self.attempt(
                lambda: self.app.reschedule_meeting(
                    self.series_id, meeting, at(on, hour), at(on, hour + 1), actor="anna"
                )
            )

    def planned(self) -> list[Any]:
        meetings = self.app.series(self.series_id).meetings
        return [m for m in self.meetings if meetings[str(m)].state in ("scheduled", "rescheduled")]

    @rule(pick=PICK)
    def cancel(self, pick: int) -> None:
        if self.meetings:
            meeting = self.meetings[pick % len(self.meetings)]
            self.attempt(lambda: self.app.cancel_meeting(self.series_id, meeting, actor="anna"))

    @rule(pick=PICK)
    def hold(self, pick: int) -> None:
        if self.meetings:
            meeting = self.meetings[pick % len(self.meetings)]
            self.attempt(lambda: self.app.mark_meeting_held(self.series_id, meeting, actor="anna"))

    @rule()
    def the_next_meeting_takes_place(self) -> None:
        series = self.app.series(self.series_id)
        waiting = [m for m in series.meetings.values() if m.state in ("scheduled", "rescheduled")]
        if waiting:
            meeting = min(waiting, key=lambda m: m.starts_at)
            self.clock.set(max(self.clock.now(), meeting.starts_at + timedelta(minutes=30)))
            self.attempt(
                lambda: self.app.mark_meeting_held(self.series_id, meeting.meeting_id, actor="anna")
            )

    @precondition(lambda self: self.steps > LATE)
    @rule()
    def the_series_ends(self) -> None:
        self.attempt(lambda: self.app.hold_reflection(self.series_id, actor="anna"))
        self.attempt(lambda: self.app.close_series(self.series_id, actor="anna"))

    @rule(days=st.integers(min_value=3, max_value=30))
    def time_passes(self, days: int) -> None:
        self.clock.advance(timedelta(days=days))

    @rule(open=st.booleans())
    def joining(self, open: bool) -> None:
        self.attempt(lambda: self.app.set_joining(self.series_id, open=open, actor="anna"))

    @precondition(lambda self: bool(self.seats.waitlist))
    @rule(more=st.integers(min_value=1, max_value=2))
    def more_seats(self, more: int) -> None:
        capacity = self.seats.capacity + more
        done = self.attempt(
            lambda: (
                self.app.revise_details(self.series_id, {"capacity": capacity}, actor="anna")
                or True
            )
        )
        if done:
            self.seats.grown(capacity)

    @rule()
    def reflection(self) -> None:
        self.attempt(lambda: self.app.hold_reflection(self.series_id, actor="anna"))

    @precondition(lambda self: self.steps > LATE)
    @rule()
    def close(self) -> None:
        self.attempt(lambda: self.app.close_series(self.series_id, actor="anna"))

    @precondition(lambda self: self.steps > LATE)
    @rule()
    def withdraw(self) -> None:
        self.attempt(lambda: self.app.withdraw_series(self.series_id, actor="anna"))

    # ---- enrolments ---------------------------------------------------------
    @rule(place=st.sampled_from(PLACES))
    def enrol(self, place: str) -> None:
        found = self.attempt(
            lambda: self.app.enrol(
                self.series_id, municipality(place), "Petra Kontakt", "p@k.example", actor="anna"
            )
        )
        if found is not None:
            self.enrollments.append(found[0])
            self.seats.enrolled(str(found[0]))

    @rule(pick=PICK, reject=st.booleans())
    def leave_the_series(self, pick: int, reject: bool) -> None:
        if not self.enrollments:
            return
        enrollment = self.enrollments[pick % len(self.enrollments)]
        if reject:
            command = lambda: self.app.reject_enrollment(enrollment, "Nein", actor="anna") or 1  # noqa: E731
        else:
            command = lambda: self.app.withdraw_enrollment(enrollment, actor="anna") or 1  # noqa: E731
        if self.attempt(command):
            self.seats.left(str(enrollment), "rejected" if reject else "withdrawn")

    @rule(pick=PICK, name=st.sampled_from(["Ida Groß", "Jörg Maaß", "Zoë Ünal"]))
    def join(self, pick: int, name: str) -> None:
        if self.enrollments:
            enrollment = self.enrollments[pick % len(self.enrollments)]
            email = f"{name.split()[0].lower()}@example.org"
            found = self.attempt(lambda: self.app.join(enrollment, name, email, actor="anna"))
            if found is not None:
                self.participants.append((enrollment, found))

    # ---- after every step ---------------------------------------------------
    @invariant()
    def every_rule_holds_and_replay_agrees(self) -> None:
        series = self.app.series(self.series_id)
        assert schedule_problems(series) == []
        self.check_seats(series)
        self.check_replay(series)
        self.check_views(series)

    def check_seats(self, series: PeerLearning) -> None:
        assert len(series.admitted) <= (series.details.capacity or len(series.admitted))
        assert series.admitted == self.seats.admitted
        assert series.waitlist == self.seats.waitlist
        for enrollment in self.enrollments:
            assert self.app.enrollment(enrollment).status == self.seats.status_of(str(enrollment))

    def check_replay(self, series: PeerLearning) -> None:
        replayed = None
        for event in self.app.events.get(self.series_id):
            replayed = event.mutate(replayed)
        assert replayed is not None and vars(replayed) == vars(series)

    def check_views(self, series: PeerLearning) -> None:
        detail = self.services.views.series_detail(self.series_id, on=START, dated=False)
        assert detail is not None and detail["version"] == series.version
        states = {str(m["meeting_id"]): m["state"] for m in detail["meetings"]}
        assert states == {key: m.state for key, m in series.meetings.items()}
        roster = self.services.views.roster(self.series_id)
        statuses = {str(e["enrollment_id"]): e["status"] for e in roster}
        assert statuses == {str(e): self.seats.status_of(str(e)) for e in self.enrollments}


def run_machine(services: Services, clock: FakeClock, examples: int, steps: int) -> Counter[str]:
    SeriesMachine.services, SeriesMachine.clock = services, clock
    run_state_machine_as_test(
        SeriesMachine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    report = rebuild(services.projector, show_progress=False)
    assert report.compared and report.ok, report.differences
    return recorded_kinds(services)


def recorded_kinds(services: Services) -> Counter[str]:
    notifications = services.app.recorder.select_notifications(0, 1_000_000)
    return Counter(n.topic.rsplit(".", 1)[-1] for n in notifications)


EXERCISED = {
    "MeetingScheduled",
    "MeetingRescheduled",
    "MeetingCancelled",
    "MeetingHeld",
    "EnrollmentAdmitted",
    "EnrollmentWaitlisted",
    "EnrollmentReleased",
    "ParticipantJoined",
}


def test_random_commands_keep_every_rule(services: Services, clock: FakeClock) -> None:
    kinds = run_machine(services, clock, examples=12, steps=30)

    assert EXERCISED <= set(kinds), kinds


@pytest.mark.heavy
def test_many_random_commands_keep_every_rule(
    services: Services, clock: FakeClock, store_url: str
) -> None:
    kinds = run_machine(services, clock, examples=25, steps=40)

    record("stateful series", store=store_url.split(":")[0], events=sum(kinds.values()))
    assert EXERCISED | {"Closed", "Withdrawn"} <= set(kinds), kinds
