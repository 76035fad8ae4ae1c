"""The mails of a seat and of a series' end: moved up from the waiting list, the welcome of
who joins after it, the series closed or withdrawn. Each claimed as a dispatch before it is
sent, sent once, its outcome recorded, listed with the reminders; found in the course mails
view, retried while the occasion lies within the lookback. An end whose day lies further
back than the lookback is past news (a closing recorded long after the fact, as the demo
records its history) and is not told."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.clock import day_of
from projections.view import iso_day, iso_moment, parse_moment
from scheduler.courier import Tally
from scheduler.course_letters import moved_up_letters, series_end_letters
from scheduler.course_view import CourseMailQueries
from scheduler.isolation import one_unit
from scheduler.one_off import OneOffMails
from scheduler.registration_outcomes import MOVED_UP, WELCOME, OutcomeLetter, composed
from scheduler.welcome_letters import present_at_seat, welcome_letters

OCCASION = 1  # an enrolment moves up once, a series ends once


class CourseMails(OneOffMails):
    def __init__(self, *parts: Any, owed: CourseMailQueries) -> None:
        super().__init__(*parts)
        self.owed = owed

    def send_due(self) -> Tally:
        tally = Tally()
        since = self.claims.clock.now() - self.settings.lookback
        recorded, ended = iso_moment(since), iso_day(day_of(since))
        assert recorded is not None and ended is not None
        for row in self.owed.owed_since(recorded, ended):
            with one_unit("Mails of", UUID(str(row["owed_id"]))):
                tally.add(self.tell(row))
        return tally

    def tell(self, row: dict[str, Any]) -> Tally:
        about = UUID(str(row["owed_id"]))
        peer_learning_id, letters = self._letters(row, about)
        moment = parse_moment(row["owed_at"])
        assert moment is not None
        tally = Tally()
        for letter in letters:
            dispatch = self.claim_one(
                letter.purpose, peer_learning_id, (about, OCCASION), letter.recipient_id, moment
            )
            if dispatch is not None:
                tally.add(self.send_one(dispatch, composed(dispatch.id, letter)))
        return tally

    def _letters(self, row: dict[str, Any], about: UUID) -> tuple[UUID, list[OutcomeLetter]]:
        if row["purpose"] == MOVED_UP:
            enrollment = self.app.enrollment(about)
            present = present_at_seat(self.app, enrollment)
            letters = moved_up_letters(self.views, self.links, enrollment, present)
            return enrollment.peer_learning_id, letters
        if row["purpose"] == WELCOME:
            now = self.claims.clock.now()
            return welcome_letters(self.app, self.views, self.links, about, now)
        return about, series_end_letters(self.app, self.views, row)
