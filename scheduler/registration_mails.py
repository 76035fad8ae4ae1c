"""The confirmation mail of each registration awaiting it: claimed as a dispatch before it
is sent, sent once, its outcome recorded, listed with the reminders."""

from __future__ import annotations

from datetime import datetime
from email.message import Message
from uuid import UUID

from application.app import PeerLearningApp
from application.links import Links
from domain.errors import ConcurrentWrite
from domain.registration import Registration, RegistrationState
from domain.reminder_rules import dispatch_id_for
from domain.reminders import DispatchTaken, ReminderDispatch
from projections.queries import ViewQueries
from projections.view import iso_moment
from scheduler.claims import ACTOR, Claims
from scheduler.courier import Outbox, Tally
from scheduler.isolation import one_unit, report_once
from scheduler.outcome_letters import outcome_letters
from scheduler.registration_letters import CONFIRM, ConfirmationLetter, confirmation_message
from scheduler.registration_outcomes import OutcomeLetter, outcome_message
from scheduler.settings import ReminderSettings
from scheduler.smtp import PermanentFailure, TransientFailure


class RegistrationMails:
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

    def send_due(self) -> Tally:
        tally = Tally()
        for row in self.views.registrations.list(RegistrationState.AWAITING_CONFIRMATION):
            registration_id = UUID(str(row["registration_id"]))
            with one_unit("Confirmation mail of registration", registration_id):
                tally.add(self.ask_to_confirm(registration_id))
        since = iso_moment(self.claims.clock.now() - self.settings.lookback)
        for row in self.views.registrations.list(since=since):
            registration_id = UUID(str(row["registration_id"]))
            with one_unit("Mails of registration", registration_id):
                tally.add(self.tell_outcome(registration_id))
        return tally

    def tell_outcome(self, registration_id: UUID) -> Tally:
        registration = self.app.registration(registration_id)
        tally = Tally()
        for letter in outcome_letters(self.app, self.views, self.links, registration):
            dispatch = self._claimed(registration, letter.purpose, letter.recipient_id)
            if dispatch is not None:
                tally.add(self._send(dispatch, letter))
        return tally

    def ask_to_confirm(self, registration_id: UUID) -> Tally:
        registration = self.app.registration(registration_id)
        if registration.state != RegistrationState.AWAITING_CONFIRMATION:
            return Tally()
        if registration.is_overdue(self.claims.clock.now()):
            return Tally()
        dispatch = self._claimed(registration)
        if dispatch is None:
            return Tally()
        return self._send(dispatch, self._letter(registration))

    def _claimed(
        self, registration: Registration, purpose: str = CONFIRM, recipient: UUID | None = None
    ) -> ReminderDispatch | None:
        """A new claim of this submission's mail, or the retry of one that is free again."""
        contact = recipient or registration.contact.participant_id
        submission = registration.submissions
        dispatch_id = dispatch_id_for(purpose, registration.id, submission, None, contact)
        if dispatch_id in self.app.repository:
            return self.claims.reclaim(dispatch_id)
        now = self.claims.clock.now()
        dispatch = ReminderDispatch(
            purpose=purpose,
            peer_learning_id=registration.peer_learning_id,
            meeting_id=registration.id,
            schedule_version=submission,
            offset=None,
            participant_id=contact,
            due_at=now,
            meeting_starts_at=registration.expires_at,
            owner=self.claims.owner,
            lease_until=now + self.claims.lease,
            actor=ACTOR,
        )
        try:
            self.app.record(dispatch)
        except (ConcurrentWrite, DispatchTaken):
            return None  # another process claimed it
        return dispatch

    def _letter(self, registration: Registration) -> ConfirmationLetter:
        series = self.views.series_detail(registration.peer_learning_id) or {}
        contact = registration.contact
        return ConfirmationLetter(
            registration_id=registration.id,
            title=str(series.get("title", "")),
            municipality=registration.municipality.name,
            name=contact.person.name,
            email=contact.person.email,
            locale=str(contact.locale),
            link=self.links.confirmation_url(registration.id, str(contact.locale)),
            until=registration.expires_at,
        )

    def _send(
        self, dispatch: ReminderDispatch, letter: ConfirmationLetter | OutcomeLetter
    ) -> Tally:
        tally = Tally()
        now = self.claims.clock.now()
        sender = self.settings.smtp.sender
        try:
            message: Message = (
                confirmation_message(dispatch.id, letter, sender, now)
                if isinstance(letter, ConfirmationLetter)
                else outcome_message(dispatch.id, letter, sender, now)
            )
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
        dispatch.record_failed(reason, actor=ACTOR)
        report_once("Mail", (dispatch.id,), reason)
        return Tally(failed=int(self.claims.settle(dispatch)))

    def _defer(self, dispatch: ReminderDispatch, now: datetime, reason: str) -> None:
        backoff = self.settings.retry_base * 2 ** min(dispatch.attempts - 1, 16)
        dispatch.defer(reason, now + min(backoff, self.settings.retry_max), actor=ACTOR)
        self.claims.settle(dispatch)
