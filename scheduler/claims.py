"""Claiming a mail in the event store before it is sent, so no one sends it twice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from application.store_application import StoreApplication, translated_store_errors
from domain.clock import Clock
from domain.errors import ConcurrentWrite
from domain.reminder_rules import dispatch_id_for
from domain.reminders import DispatchTaken, ReminderDispatch
from scheduler.facts import MeetingFacts, Recipient

log = logging.getLogger(__name__)
ACTOR = "scheduler"
Outcome = Callable[[ReminderDispatch, str, str], None]  # records why a mail is not sent


@dataclass(frozen=True)
class Letter:
    """One mail that may be sent: what, about which meeting version, to whom, for which time."""

    purpose: str
    offset: str | None
    meeting: MeetingFacts
    recipient: Recipient
    due_at: datetime

    @property
    def dispatch_id(self) -> UUID:
        return self.id_at(self.meeting.schedule_version)

    def id_at(self, schedule_version: int) -> UUID:
        return dispatch_id_for(
            self.purpose,
            self.meeting.meeting_id,
            schedule_version,
            self.offset,
            self.recipient.participant_id,
        )

    def sent_for_these_times(self, sent: set[UUID]) -> bool:
        """Whether this mail went out for an earlier version of the meeting with the same
        times (only its texts, format or link were corrected since)."""
        earlier = range(self.meeting.timed_version, self.meeting.schedule_version)
        return any(self.id_at(version) in sent for version in earlier)


@dataclass
class Parcel:
    """A letter this process holds the claim for."""

    letter: Letter
    dispatch: ReminderDispatch


class Claims:
    def __init__(
        self,
        app: StoreApplication,
        clock: Clock,
        owner: str,
        lease: timedelta,
    ) -> None:
        self.app, self.clock, self.owner, self.lease = app, clock, owner, lease

    def claim(self, letters: list[Letter]) -> list[Parcel]:
        """Claims all letters in one write; if another claimed some, claims one by one."""
        parcels = [Parcel(letter, self._new(letter)) for letter in letters]
        if self._record(*(p.dispatch for p in parcels)):
            return parcels
        return [p for p in (self._claim_one(letter) for letter in letters) if p is not None]

    def give_up(self, letters: list[Letter], reason: str) -> int:
        """Records letters that will never be sent as missed, unless someone else did."""
        return self._close(letters, reason, ReminderDispatch.record_missed)

    def refuse(self, letters: list[Letter], reason: str) -> int:
        """Records letters that can never be sent as failed for good, unless someone else did."""
        return self._close(letters, reason, ReminderDispatch.record_failed)

    def _close(self, letters: list[Letter], reason: str, outcome: Outcome) -> int:
        dispatches = [self._new(letter) for letter in letters]
        for dispatch in dispatches:
            outcome(dispatch, reason, ACTOR)
        recorded = len(dispatches) if self._record(*dispatches) else 0
        if not recorded and len(letters) > 1:
            recorded = sum(self._close([letter], reason, outcome) for letter in letters)
        return recorded

    def reclaim(self, dispatch_id: UUID) -> ReminderDispatch | None:
        """Takes over a due mail whose lease ran out or whose retry time came."""
        dispatch = self.load(dispatch_id)
        now = self.clock.now()
        if dispatch is None or not dispatch.can_be_reclaimed(now):
            return None
        dispatch.reclaim(self.owner, now, now + self.lease, actor=ACTOR)
        return dispatch if self._record(dispatch) else None

    def load(self, dispatch_id: UUID) -> ReminderDispatch | None:
        with translated_store_errors():
            try:
                found: Any = self.app.repository.get(dispatch_id)
            except AggregateNotFoundError:
                return None
        return found if isinstance(found, ReminderDispatch) else None

    def settle(self, dispatch: ReminderDispatch) -> bool:
        """Records the outcome of a claimed mail; False if someone took it over meanwhile."""
        if self._record(dispatch):
            return True
        log.warning("Dispatch %s was taken over while this process sent it", dispatch.id)
        return False

    def _claim_one(self, letter: Letter) -> Parcel | None:
        dispatch = self._new(letter)
        return Parcel(letter, dispatch) if self._record(dispatch) else None

    def _new(self, letter: Letter) -> ReminderDispatch:
        now = self.clock.now()
        return ReminderDispatch(
            purpose=letter.purpose,
            peer_learning_id=letter.meeting.peer_learning_id,
            meeting_id=letter.meeting.meeting_id,
            schedule_version=letter.meeting.schedule_version,
            offset=letter.offset,
            participant_id=letter.recipient.participant_id,
            due_at=letter.due_at,
            meeting_starts_at=letter.meeting.starts_at,
            owner=self.owner,
            lease_until=now + self.lease,
            actor=ACTOR,
        )

    def _record(self, *dispatches: ReminderDispatch) -> bool:
        if not dispatches:
            return True
        try:
            self.app.record(*dispatches)
        except (ConcurrentWrite, DispatchTaken):
            return False
        return True
