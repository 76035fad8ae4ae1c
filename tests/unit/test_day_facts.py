"""The facts an enrolment's and a series' events bring, each with the programme day it holds
from: joining and leaving on their Berlin day, a meeting held on its day in the series' zone,
events without a day of their own on the day they were recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from uuid import uuid4

from domain.day_facts import Fact, FactKind, StreamFacts, facts_of, recorded_day
from domain.enrollment import Enrollment
from domain.values import Municipality, Participant, PersonalData
from tests.support.samples import at
from tests.unit.builders import announced, schedule

RECORDED = date(2024, 9, 1)
LATE_EVENING_UTC = datetime(2024, 10, 7, 22, 30, tzinfo=UTC)  # already 8 October in Berlin


def enrolment_events(joined_at: datetime | None) -> tuple[Enrollment, Participant, list]:
    contact = PersonalData.of(uuid4(), "Jörg Groß", "joerg@olpe.example")
    enrolment = Enrollment(
        uuid4(), Municipality.of("Stadt Olpe", "05966024"), contact, actor="anna"
    )
    enrolment.admit(actor="anna")
    pid = uuid4()
    eva = Participant(pid, PersonalData.of(pid, "Eva", "eva@olpe.example"), joined_at=joined_at)
    enrolment.join(eva, actor="anna")
    enrolment.leave(pid, now=LATE_EVENING_UTC, actor="eva")
    return enrolment, eva, enrolment.collect_events()


def test_joining_and_leaving_hold_from_their_day_in_berlin() -> None:
    enrolment, _, events = enrolment_events(joined_at=LATE_EVENING_UTC)
    joined, left = events[-2], events[-1]

    assert facts_of(joined, RECORDED) == [
        Fact(date(2024, 10, 8), FactKind.JOINED, str(enrolment.id))
    ]
    assert facts_of(left, RECORDED) == [Fact(date(2024, 10, 8), FactKind.LEFT, str(enrolment.id))]


def test_a_participant_without_a_joining_moment_holds_from_the_day_recorded() -> None:
    enrolment, _, events = enrolment_events(joined_at=None)

    assert facts_of(events[-2], RECORDED) == [Fact(RECORDED, FactKind.JOINED, str(enrolment.id))]


def test_an_event_is_recorded_on_its_day_in_berlin() -> None:
    assert recorded_day(SimpleNamespace(timestamp=LATE_EVENING_UTC)) == date(2024, 10, 8)
    series = announced()
    series.close_joining(actor="anna")
    closed = series.collect_events()[-1]

    assert StreamFacts().read(closed) == [Fact(recorded_day(closed), FactKind.JOINING_CLOSED)]


def test_a_meeting_is_held_on_its_day_in_the_series_zone_followed_through_moves() -> None:
    series = announced(timezone="America/New_York", ends_on=None)
    kickoff = schedule(series, "kickoff", date(2024, 10, 8))
    # moved to 23:00 in New York on 8 October: already 9 October in Berlin and UTC
    series.reschedule_meeting(
        kickoff.meeting_id,
        datetime(2024, 10, 9, 3, 0, tzinfo=UTC),
        datetime(2024, 10, 9, 4, 0, tzinfo=UTC),
        now=datetime(2024, 9, 20, tzinfo=UTC),
        actor="anna",
    )
    series.mark_meeting_held(kickoff.meeting_id, now=at(date(2024, 10, 10), 0), actor="anna")
    stream = StreamFacts()

    facts = [fact for event in series.collect_events() for fact in stream.read(event, RECORDED)]

    moved = next(f for f in facts if f.kind == FactKind.MOVED)
    assert moved.starts_at == datetime(2024, 10, 9, 3, 0, tzinfo=UTC)
    assert Fact(date(2024, 10, 8), FactKind.HELD, str(kickoff.meeting_id)) in facts
