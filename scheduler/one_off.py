"""Mails sent once on an occasion rather than before a meeting (a registration's, a seat's,
a series' end): claimed as a dispatch before they are sent, sent once, their outcome
recorded, listed with the reminders. A mail that fails, fails alone, with its reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from email.message import Message
from uuid import UUID

from application.app import PeerLearningApp
from application.links import Links
from domain.errors import ConcurrentWrite
from domain.reminder_rules import dispatch_id_for
from domain.reminders import DispatchTaken, ReminderDispatch
from projections.queries import ViewQueries
from scheduler.claims import ACTOR, Claims
from scheduler.courier import Outbox, Tally, settle_deferred, settle_failed
from scheduler.settings import ReminderSettings
from scheduler.smtp import PermanentFailure, TransientFailure

Compose = Callable[[str, datetime], Message]  # the mail, from the sender and the moment


class OneOffMails:
    def __init__(
        self,
        app: PeerLearningApp,
        views: ViewQueries,
        claims: Claims,
        outbox: Outbox,
        settings: ReminderSettings,
        links: Links,
    ) -> None:
        self.app, self.views, self.claims = app, views, claims
        self.outbox, self.settings, self.links = outbox, settings, links

    def claim_one(
        self,
        purpose: str,
        peer_learning_id: UUID,
        about: tuple[UUID, int],
        recipient: UUID,
        moment: datetime,
    ) -> ReminderDispatch | None:
        """A new claim of the mail of `purpose` about (an aggregate, its occasion) to the
        recipient, or the retry of one that is free again; None if it is not ours to send."""
        about_id, occasion = about
        dispatch_id = dispatch_id_for(purpose, about_id, occasion, None, recipient)
        if dispatch_id in self.app.repository:
            return self.claims.reclaim(dispatch_id)
        now = self.claims.clock.now()
        dispatch = ReminderDispatch(
            purpose=purpose,
            peer_learning_id=peer_learning_id,
            meeting_id=about_id,
            schedule_version=occasion,
            offset=None,
            participant_id=recipient,
            due_at=now,
            meeting_starts_at=moment,
            owner=self.claims.owner,
            lease_until=now + self.claims.lease,
            actor=ACTOR,
        )
        try:
            self.app.record(dispatch)
        except (ConcurrentWrite, DispatchTaken):
            return None  # another process claimed it
        return dispatch

    def send_one(self, dispatch: ReminderDispatch, compose: Compose) -> Tally:
        tally = Tally()
        now = self.claims.clock.now()
        try:
            message = compose(self.settings.smtp.sender, now)
        except Exception as error:  # a value the mail cannot hold fails this mail alone
            return self._failed(dispatch, f"The mail could not be built ({type(error).__name__}).")
        try:
            with self.outbox.session() as mailbox:
                mailbox.send(message)
        except PermanentFailure as error:
            return self._failed(dispatch, f"permanent ({str(error)[:3]})")
        except TransientFailure as error:
            self._defer(dispatch, now, f"transient ({type(error).__name__})")
            tally.deferred += 1
            return tally
        dispatch.record_sent(now, late=False, actor=ACTOR)
        tally.sent += self.claims.settle(dispatch)
        return tally

    def _failed(self, dispatch: ReminderDispatch, reason: str) -> Tally:
        return Tally(failed=int(settle_failed(self.claims, dispatch, reason, reason)))

    def _defer(self, dispatch: ReminderDispatch, now: datetime, reason: str) -> None:
        retry_at = now + self.settings.retry_after(dispatch.attempts)
        settle_deferred(self.claims, dispatch, reason, retry_at)
