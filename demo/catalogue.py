"""The demo catalogue: the eleven series of the public page, written through the commands.

Every series is played through as the team would have recorded it: announced, municipalities
enrolled, meetings scheduled, the past ones marked held, reflection and closing once their day
has come. "Now" is the application's clock, so the history up to today is recorded and the rest
stays planned.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Protocol
from uuid import UUID

from tqdm import tqdm

from application.app import PeerLearningApp
from demo.closed_series import CLOSED
from demo.open_series import OPEN
from demo.people import MODEL_PROJECTS, MUNICIPALITIES, REGIONS, Person, people
from demo.plans import PlannedMeeting, SeriesPlan, planned_meetings
from domain.clock import today

ACTOR = "demo"
PLANS: tuple[SeriesPlan, ...] = OPEN + CLOSED


class HasApp(Protocol):
    @property
    def app(self) -> PeerLearningApp: ...


class StoreNotEmpty(Exception):
    """The demo is only ever loaded into an empty store."""


def is_empty(services: HasApp) -> bool:
    return not services.app.recorder.max_notification_id()


def load_demo(services: HasApp, progress: bool = False) -> int:
    """Writes the demo catalogue into an empty store; returns the number of series."""
    app = services.app
    if not is_empty(services):
        raise StoreNotEmpty(
            "The store already holds events; the demo loads only into an empty store. "
            "Point PEERLEARNING_DATABASE_URL at a new SQLite file or PostgreSQL schema."
        )
    for project in MODEL_PROJECTS:
        app.add_model_project(
            project.name, ACTOR, project.key, project.state, project.region, project.further_keys
        )
    for name, keys in REGIONS.items():
        app.add_region(name, keys, ACTOR)
    persons = people()
    for plan in tqdm(PLANS, desc="Demo-Katalog", unit="Reihe", disable=not progress):
        SeriesLoader(app, plan, persons).load()
    return len(PLANS)


class SeriesLoader:
    def __init__(self, app: PeerLearningApp, plan: SeriesPlan, persons: Iterator[Person]):
        self.app = app
        self.plan = plan
        self.persons = persons
        self.now: datetime = app.clock.now()
        self.today: date = today(app.clock)
        self.teams: list[dict[UUID, UUID]] = []  # each enrolment's participants, to it

    def load(self) -> UUID:
        self.series_id = self.app.announce(actor=ACTOR, **self.plan.details)
        for name in self.plan.enrolments:
            self.enrol(name)
        meetings = planned_meetings(self.plan, self.today)
        ids = [self.schedule(meeting) for meeting in meetings]
        for number, (meeting, meeting_id) in enumerate(zip(meetings, ids, strict=True)):
            if meeting.ends_at <= self.now:
                self.app.mark_meeting_held(self.series_id, meeting_id, ACTOR, 6 + number % 5 * 2)
                self.app.record_attendance(self.series_id, meeting_id, self.present(number), ACTOR)
        self.finish(meetings)
        if self.plan.ongoing:
            self.change_upcoming(meetings, ids)
        return self.series_id

    def enrol(self, name: str) -> None:
        contact = next(self.persons)
        place = MUNICIPALITIES[name].as_dict()
        enrollment_id, _ = self.app.enrol(self.series_id, place, contact.name, contact.email, ACTOR)
        self.teams.append(
            {
                self.app.join(
                    enrollment_id, person.name, person.email, ACTOR, person.locale
                ): enrollment_id
                for person in (contact, next(self.persons))
            }
        )

    def present(self, number: int) -> dict[UUID, UUID]:
        """Who came to the meeting `number`: every municipality but one in four, in turn."""
        return {
            person: enrollment_id
            for place, team in enumerate(self.teams)
            if (place + number) % 4 != 3
            for person, enrollment_id in team.items()
        }

    def schedule(self, meeting: PlannedMeeting) -> UUID:
        return self.app.schedule_meeting(
            self.series_id,
            meeting.kind,
            meeting.starts_at,
            meeting.ends_at,
            meeting.mode,
            ACTOR,
            video_url=meeting.video_url,
            location=meeting.location,
        )

    def finish(self, meetings: list[PlannedMeeting]) -> None:
        last = meetings[-1]
        if last.kind != "reflection" or last.ends_at > self.now:
            return
        if self.app.series(self.series_id).reflection_held_on is None:
            self.app.hold_reflection(self.series_id, ACTOR, held_on=last.day)
        closes_on = self.plan.closes_on or self.plan.details["ends_on"]
        if closes_on is not None and closes_on <= self.today:
            self.app.close_series(self.series_id, ACTOR, effective_on=closes_on)

    def change_upcoming(self, meetings: list[PlannedMeeting], ids: list[UUID]) -> None:
        """An ongoing series shows what happens to plans: one move, one cancellation."""
        upcoming = [i for m, i in zip(meetings, ids, strict=True) if m.starts_at > self.now]
        moved = next(m for m in meetings if m.starts_at > self.now)
        self.app.reschedule_meeting(
            self.series_id,
            upcoming[0],
            moved.starts_at + timedelta(days=1),
            moved.ends_at + timedelta(days=1),
            ACTOR,
        )
        self.app.cancel_meeting(self.series_id, upcoming[2], ACTOR, reason="Ferienzeit")
