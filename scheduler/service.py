"""The reminder service: which mails are due now, and seeing each through claim, send, record."""

from __future__ import annotations

import os
import socket
import threading
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from application.app import PeerLearningApp
from application.links import Links
from application.store_application import StoreApplication
from domain.errors import InvalidValue
from projections.queries import ViewQueries
from scheduler import planning
from scheduler.calendar_windows import CalendarWindows
from scheduler.cancel_reasons import CancelReasons
from scheduler.claims import Claims, Letter
from scheduler.courier import Courier, Outbox, Tally
from scheduler.course_mails import CourseMails
from scheduler.course_view import CourseMailQueries
from scheduler.decline_links import decline_urls
from scheduler.dispatch_queries import DispatchQueries
from scheduler.dispatch_work import DispatchWork
from scheduler.facts import MeetingFacts
from scheduler.isolation import one_unit, report_once
from scheduler.lookup import Lookup
from scheduler.notices import Notices
from scheduler.planning import Occurrence
from scheduler.registration_mails import RegistrationMails
from scheduler.retries import Retries
from scheduler.self_service_links import self_service_urls
from scheduler.settings import ReminderSettings
from scheduler.smtp import SmtpOutbox
from store.db import ViewDb

# Day offsets keep the local time, so across a DST change a day may last 25 hours.
DST_MARGIN = timedelta(days=1)
EARLIEST = datetime.min.replace(tzinfo=UTC)  # the due time of a reminder the calendar cannot hold


class ReminderService(DispatchWork):
    def __init__(self, *parts: Any) -> None:
        super().__init__(*parts)
        self.retries = Retries(*self.parts)
        self.notices = Notices(*self.parts)
        self.registrations: RegistrationMails | None = None
        self.course: CourseMails | None = None
        self.lock = threading.RLock()

    def remind(
        self, peer_learning_id: UUID, meeting_id: UUID, schedule_version: int, offset: str
    ) -> Tally:
        """Sends one reminder of one meeting version; does nothing if the meeting changed."""
        with self.lock:
            meeting = self.lookup.meeting(peer_learning_id, meeting_id)
            if meeting is None or meeting.schedule_version != schedule_version:
                return Tally()
            if offset not in planning.offsets_of(meeting, self.settings.offsets):
                return Tally()
            if not meeting.wants_reminders or meeting.is_cancelled:
                return Tally()
            try:
                occurrence = planning.occurrence_of(meeting, offset)
            except InvalidValue as error:  # the offset reaches back before the calendar
                return self.refuse(meeting, offset, str(error)[:200])
            return self.handle(occurrence, meeting)

    def sweep(self, wait: bool = True) -> Tally:
        """Everything due without a job: reminders, retries, change and cancellation notices.

        Each meeting, retried mail and notice is a unit of its own: one that fails is logged
        and the sweep goes on. With wait=False a sweep that finds another one running leaves
        the work to it.
        """
        if not self.lock.acquire(blocking=wait):
            return Tally()
        try:
            tally = Tally()
            for meeting in self.meetings_to_sweep():
                with one_unit("Reminders of meeting", meeting.meeting_id):
                    tally.add(self.remind_meeting(meeting))
            tally.add(self.retries.retry_due())
            if self.registrations is not None:
                tally.add(self.registrations.send_due())
            if self.course is not None:
                tally.add(self.course.send_due())
            return tally.add(self.notices.send_due())
        finally:
            self.lock.release()

    def meetings_to_sweep(self) -> list[MeetingFacts]:
        """Meetings recent or near enough for one of their reminders to be due."""
        now = self.clock.now()
        longest = self.lookup.longest_offset(self.settings.offsets)
        return self.lookup.upcoming(
            after=now - self.settings.lookback, until=_horizon(now, longest)
        )

    def remind_meeting(self, meeting: MeetingFacts) -> Tally:
        tally = Tally()
        plan = planning.plan(meeting, self.settings.offsets)
        now = self.clock.now()
        for occurrence in plan.occurrences:
            if occurrence.due_at <= now:
                tally.add(self.handle(occurrence, meeting))
        for offset, reason in plan.unplannable.items():
            tally.add(self.refuse(meeting, offset, reason))
        return tally

    def send_notices(self, wait: bool = True) -> Tally:
        if not self.lock.acquire(blocking=wait):
            return Tally()
        try:
            return self.notices.send_due()
        finally:
            self.lock.release()

    def close(self) -> None:
        """Nothing of its own to close: it writes through the process's application."""

    def handle(self, occurrence: Occurrence, meeting: MeetingFacts) -> Tally:
        now = self.clock.now()
        if occurrence.due_at > now or not meeting.wants_reminders or meeting.is_cancelled:
            return Tally()
        letters = self.letters(occurrence, meeting)
        if not letters:
            return Tally()
        if meeting.has_started(now):
            self.claims.give_up(letters, "The meeting had already started.")
            return Tally()
        later = planning.superseded_by(occurrence, meeting, self.settings.offsets, now)
        if later is not None:
            self.claims.give_up(letters, f"Replaced by the {later.offset} reminder.")
            return Tally()
        return self.send(letters)

    def refuse(self, meeting: MeetingFacts, offset: str, reason: str) -> Tally:
        """A reminder without a due time can never go out: its mails fail, once each."""
        known = self.dispatches.known(meeting.meeting_id)
        letters = [
            Letter("reminder", offset, meeting, recipient, EARLIEST)
            for recipient in self.lookup.recipients(meeting.peer_learning_id)
        ]
        letters = [letter for letter in letters if letter.dispatch_id not in known]
        if not letters:
            return Tally()
        failed = self.claims.refuse(letters, reason)
        report_once("Reminder of meeting", (meeting.meeting_id, offset[:40]), "no due time")
        return Tally(failed=failed)

    def letters(self, occurrence: Occurrence, meeting: MeetingFacts) -> list[Letter]:
        """Reminders for those taking part when it is due and not declining the meeting, not
        yet claimed by anyone, nor sent before a correction that left the times as they were
        (the correction's notice tells what changed)."""
        known = self.dispatches.known(meeting.meeting_id)
        corrected = meeting.timed_version < meeting.schedule_version
        sent = self.dispatches.sent(meeting.meeting_id) if corrected else set()
        letters = (
            Letter("reminder", occurrence.offset, meeting, recipient, occurrence.due_at)
            for recipient in self.lookup.reminded(meeting.peer_learning_id, meeting.meeting_id)
            if recipient.was_there_at(occurrence.due_at)
        )
        return [
            letter
            for letter in letters
            if letter.dispatch_id not in known and not letter.sent_for_these_times(sent)
        ]

    def send(self, letters: list[Letter]) -> Tally:
        tally = Tally()
        size = self.settings.claim_chunk
        for start in range(0, len(letters), size):
            parcels = self.claims.claim(letters[start : start + size])
            tally.add(self.courier.deliver(parcels))
        return tally


def _horizon(now: datetime, longest: timedelta | None) -> datetime | None:
    """How far ahead a reminder may be due; None (no bound) past what the calendar holds."""
    if longest is None:
        return None
    try:
        return now + longest + DST_MARGIN
    except OverflowError:
        return None


def build_service(
    app: StoreApplication,
    views: ViewQueries,
    db: ViewDb,
    settings: ReminderSettings,
    outbox: Outbox | None = None,
    owner: str | None = None,
    links: Links | None = None,
) -> ReminderService:
    """Wires the reminder service onto the services of one process; with `links`, its
    reminders carry each reader's decline link, every mail to a participant its reader's
    self-service link, and it also sends the registrations' mails and those of seats and of
    series' ends."""
    clock = app.clock
    claims = Claims(app, clock, owner or process_owner(), settings.lease)
    mail = outbox or SmtpOutbox(settings.smtp)
    courier = Courier(
        claims,
        mail,
        settings,
        clock,
        decline_urls(links) if links else None,
        self_service_urls(links) if links else None,
    )
    lookup = Lookup(views, CancelReasons(app), CalendarWindows(app))
    service = ReminderService(lookup, DispatchQueries(db), claims, courier, settings, clock)
    if links is not None and isinstance(app, PeerLearningApp):
        parts = (app, views, claims, mail, settings, links)
        service.registrations = RegistrationMails(*parts)
        service.course = CourseMails(*parts, owed=CourseMailQueries(db))
    return service


def process_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid4().hex[:8]}"
