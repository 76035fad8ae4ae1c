"""A realistic programme history, written through the domain aggregates in bulk.

Series spread over four years (closed, running and upcoming ones, a few withdrawn), each with
enrolled municipalities, their participants, a kick-off, exchanges and a reflection, the past
meetings held, and the reminder mails that went out before every past virtual meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from application.app import PeerLearningApp
from bench.scale import Scale
from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.reminders import ReminderDispatch
from domain.values import Meeting, Municipality, Participant, PersonalData, SeriesDetails

BERLIN = ZoneInfo("Europe/Berlin")
ACTOR = "anna"
STATES = {"05": "Nordrhein-Westfalen", "09": "Bayern", "06": "Hessen", "14": "Sachsen"}
STATES.update({"03": "Niedersachsen", "12": "Brandenburg"})
TOPICS = ("Digitaler Zwilling", "Klimaanpassung", "Mobilität", "Open Data", "Beteiligung")
MODES = ("virtual", "virtual", "virtual", "hybrid", "on_site")
Progress = Callable[[int], None]
SERIES_PER_SAVE = 10


def municipality(number: int) -> Municipality:
    """Five neighbouring numbers share a region, so a regional series finds its members."""
    land, state = list(STATES.items())[number % len(STATES)]
    region = f"Region {number // 5 % 40:02d}"
    key = f"{land}{number % 1_000_000:06d}"  # a key of the right shape, one per number
    return Municipality.of(f"Gemeinde {number:05d}", key, state, region)


def place(number: int) -> dict[str, str | None]:
    """The municipality `number` as an enrolment's body names it."""
    where = municipality(number)
    return {"name": where.name, "key": where.key, "state": where.state, "region": where.region}


def details(number: int, starts_on: date, meetings: int) -> SeriesDetails:
    return SeriesDetails(
        title=f"Peer-Learning {number:04d}: {TOPICS[number % len(TOPICS)]} in der Praxis",
        host=f"Stadt {number % 97:02d}hausen",
        summary="Kommunen tauschen Erfahrungen aus und lernen voneinander. " * 3,
        topics=(TOPICS[number % len(TOPICS)], TOPICS[(number + 2) % len(TOPICS)]),
        scope="thematic" if number % 3 else "regional",
        regions=(f"Region {number % 40:02d}",) if number % 3 == 0 else (),
        format="hybrid" if number % 5 == 3 else "virtual",
        location="Rathaus, Ratssaal" if number % 5 == 3 else None,
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=30 * meetings + 30),
        planned_meetings=meetings,
        capacity=None,
        agenda_url=f"https://example.org/agenda/{number}",
        contact_email="startsmart@example.org",
    )


def meeting_at(day: date, kind: str, mode: str) -> Meeting:
    starts_at = datetime.combine(day, time(10), tzinfo=BERLIN)
    return Meeting(
        meeting_id=uuid4(),
        kind=kind,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        mode=mode,
        video_url=None if mode == "on_site" else "https://video.example.org/room",
        location=None if mode == "virtual" else "Rathaus, Ratssaal",
    )


class SeriesHistory:
    """One series and everything recorded about it, as the team and scheduler would have."""

    def __init__(self, scale: Scale, number: int, starts_on: date, now: datetime) -> None:
        self.scale, self.number, self.now = scale, number, now
        self.series = PeerLearning.announce(
            details(number, starts_on, scale.meetings_per_series), actor=ACTOR
        )
        self.enrollments: list[Enrollment] = []
        self.dispatches: list[ReminderDispatch] = []

    def play(self) -> list[object]:
        self.series.revise_details({"summary": self.series.details.summary + " Neu."}, ACTOR)
        for place in range(self.scale.enrollments_per_series):
            self.enrol(place)
        meetings = [self.schedule(k) for k in range(self.scale.meetings_per_series)]
        if self.number % 50 == 7 and meetings[0].starts_at > self.now:
            self.series.withdraw(self.now.date(), self.now.date(), ACTOR, reason="Zu wenige")
        else:
            self.hold_past(meetings)
        return [self.series, *self.enrollments, *self.dispatches]

    def enrol(self, place: int) -> None:
        per_series = self.scale.enrollments_per_series
        where = municipality((self.number * per_series + place) % self.scale.municipalities)
        contact = PersonalData.of(uuid4(), f"Kontakt {self.number}-{place}", "k@example.org")
        enrollment = Enrollment(
            peer_learning_id=self.series.id, municipality=where, contact=contact, actor=ACTOR
        )
        self.series.admit(enrollment.id, actor=ACTOR)
        enrollment.admit(actor=ACTOR)
        for seat in range(self.scale.participants_per_enrollment):
            enrollment.join(self.participant(place, seat), actor=ACTOR)
        self.enrollments.append(enrollment)

    def participant(self, place: int, seat: int) -> Participant:
        pid = uuid4()
        name = f"Person {self.number}-{place}-{seat}"
        email = f"p{self.number}.{place}.{seat}@example.org"
        locale = "en" if seat == 3 else "de"
        return Participant(pid, PersonalData.of(pid, name, email), locale, None, self.now)

    def schedule(self, k: int) -> Meeting:
        last = self.scale.meetings_per_series - 1
        kind = "kickoff" if k == 0 else "reflection" if k == last else "exchange"
        day = self.series.details.starts_on + timedelta(days=30 * k + 1)
        meeting = meeting_at(day, kind, MODES[(self.number + k) % len(MODES)])
        self.series.schedule_meeting(meeting, actor=ACTOR)
        return meeting

    def hold_past(self, meetings: list[Meeting]) -> None:
        for count, meeting in enumerate(m for m in meetings if m.ends_at <= self.now):
            if meeting.mode == "virtual":
                self.remind(meeting)
            self.series.mark_meeting_held(meeting.meeting_id, self.now, ACTOR, 8 + count % 7)
            self.series.record_attendance(meeting.meeting_id, self.present(count), ACTOR)
        closes_on = self.series.details.ends_on
        held = self.series.reflection_held_on
        if held is not None and closes_on is not None and closes_on <= self.now.date():
            self.series.close(closes_on, self.now.date(), actor=ACTOR)

    def present(self, count: int) -> list[UUID]:
        """Who came: the participants of every municipality but one in four, in turn."""
        return [
            person.participant_id
            for place, enrollment in enumerate(self.enrollments)
            if (place + count) % 4 != 3
            for person in enrollment.active_participants
        ]

    def remind(self, meeting: Meeting) -> None:
        due_at = meeting.starts_at.astimezone(UTC) - timedelta(days=1)
        for enrollment in self.enrollments:
            for person in enrollment.active_participants:
                self.dispatches.append(sent_reminder(self.series.id, meeting, person, due_at))


def sent_reminder(
    series_id: UUID, meeting: Meeting, person: Participant, due_at: datetime
) -> ReminderDispatch:
    dispatch = ReminderDispatch(
        purpose="reminder",
        peer_learning_id=series_id,
        meeting_id=meeting.meeting_id,
        schedule_version=meeting.schedule_version,
        offset="P1D",
        participant_id=person.participant_id,
        due_at=due_at,
        meeting_starts_at=meeting.starts_at,
        owner="scheduler-1",
        lease_until=due_at + timedelta(minutes=5),
        actor="scheduler",
    )
    dispatch.record_sent(due_at + timedelta(seconds=2), late=False, actor="scheduler")
    return dispatch


def start_day(scale: Scale, number: int, today: date) -> date:
    """Spread the series' starts from about three years ago to one year ahead."""
    span = 4 * 365
    return today - timedelta(days=3 * 365) + timedelta(days=span * number // scale.series)


def load(app: PeerLearningApp, scale: Scale, progress: Progress | None = None) -> int:
    """Writes the whole history; returns the number of events recorded."""
    now = datetime.now(UTC)
    pending: list[object] = []
    for number in range(scale.series):
        history = SeriesHistory(scale, number, start_day(scale, number, now.date()), now)
        pending.extend(history.play())
        if number % SERIES_PER_SAVE == SERIES_PER_SAVE - 1 or number == scale.series - 1:
            app.record(*pending)  # type: ignore[arg-type]
            pending = []
        if progress:
            progress(1)
    return app.recorder.max_notification_id() or 0
