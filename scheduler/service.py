"""The reminder service: which mails are due now, and seeing each through claim, send, record."""

from __future__ import annotations

import os
import socket
import threading
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

from peerlearning.application import StoreApplication
from projections.db import ViewDb
from projections.queries import ViewQueries
from scheduler import planning
from scheduler.claims import Claims, Letter
from scheduler.courier import Courier, Outbox, Tally
from scheduler.dispatch_queries import DispatchQueries
from scheduler.dispatch_work import DispatchWork
from scheduler.facts import MeetingFacts
from scheduler.lookup import Lookup
from scheduler.notices import Notices
from scheduler.planning import Occurrence
from scheduler.retries import Retries
from scheduler.settings import ReminderSettings
from scheduler.smtp import SmtpOutbox
from scheduler.writer import dispatch_writer, listeners_of

# Day offsets keep the local time, so across a DST change a day may last 25 hours.
DST_MARGIN = timedelta(days=1)


class ReminderService(DispatchWork):
    def __init__(self, *parts: Any) -> None:
        super().__init__(*parts)
        self.retries = Retries(*self.parts)
        self.notices = Notices(*self.parts)
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
            return self.handle(planning.occurrence_of(meeting, offset), meeting)

    def sweep(self, wait: bool = True) -> Tally:
        """Everything due without a job: reminders, retries, change and cancellation notices.

        With wait=False a sweep that finds another one running leaves the work to it.
        """
        if not self.lock.acquire(blocking=wait):
            return Tally()
        try:
            now = self.clock.now()
            tally = Tally()
            horizon = self.lookup.longest_offset(self.settings.offsets) + DST_MARGIN
            meetings = self.lookup.upcoming(after=now - self.settings.lookback, until=now + horizon)
            for meeting in meetings:
                for occurrence in planning.due(meeting, self.settings.offsets, now):
                    tally.add(self.handle(occurrence, meeting))
            tally.add(self.retries.retry_due())
            return tally.add(self.notices.send_due())
        finally:
            self.lock.release()

    def send_notices(self, wait: bool = True) -> Tally:
        if not self.lock.acquire(blocking=wait):
            return Tally()
        try:
            return self.notices.send_due()
        finally:
            self.lock.release()

    def close(self) -> None:
        self.claims.app.close()

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

    def letters(self, occurrence: Occurrence, meeting: MeetingFacts) -> list[Letter]:
        """Reminders for those taking part when it is due, not yet claimed by anyone."""
        known = self.dispatches.known(meeting.meeting_id)
        letters = (
            Letter("reminder", occurrence.offset, meeting, recipient, occurrence.due_at)
            for recipient in self.lookup.recipients(meeting.peer_learning_id)
            if recipient.was_there_at(occurrence.due_at)
        )
        return [letter for letter in letters if letter.dispatch_id not in known]

    def send(self, letters: list[Letter]) -> Tally:
        tally = Tally()
        size = self.settings.claim_chunk
        for start in range(0, len(letters), size):
            parcels = self.claims.claim(letters[start : start + size])
            tally.add(self.courier.deliver(parcels))
        return tally


def build_service(
    app: StoreApplication,
    views: ViewQueries,
    db: ViewDb,
    settings: ReminderSettings,
    outbox: Outbox | None = None,
    owner: str | None = None,
) -> ReminderService:
    """Wires the reminder service onto the services of one process."""
    clock = app.clock
    writer = dispatch_writer(app)
    claims = Claims(writer, clock, owner or process_owner(), settings.lease, listeners_of(app))
    courier = Courier(claims, outbox or SmtpOutbox(settings.smtp), settings, clock)
    return ReminderService(Lookup(views), DispatchQueries(db), claims, courier, settings, clock)


def process_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid4().hex[:8]}"
