"""The confirmation mail of each registration awaiting it, and the mails of its outcome:
claimed as a dispatch before it is sent, sent once, its outcome recorded, listed with the
reminders."""

from __future__ import annotations

from uuid import UUID

from application.links import ConfirmationLink
from domain.registration import Registration, RegistrationState
from domain.reminders import ReminderDispatch
from projections.view import iso_moment
from scheduler.courier import Tally
from scheduler.isolation import one_unit
from scheduler.one_off import OneOffMails
from scheduler.outcome_letters import outcome_letters
from scheduler.registration_letters import CONFIRM, ConfirmationLetter, confirmation_message
from scheduler.registration_outcomes import composed


class RegistrationMails(OneOffMails):
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
                tally.add(self.send_one(dispatch, composed(dispatch.id, letter)))
        return tally

    def ask_to_confirm(self, registration_id: UUID) -> Tally:
        registration = self.app.registration(registration_id)
        if registration.state != RegistrationState.AWAITING_CONFIRMATION:
            return Tally()
        if registration.is_overdue(self.claims.clock.now()):
            return Tally()
        if registration.contact.person.is_erased:  # no one to ask: the address is gone
            return Tally()
        dispatch = self._claimed(registration)
        if dispatch is None:
            return Tally()
        letter = self._letter(registration)
        return self.send_one(
            dispatch, lambda sender, now: confirmation_message(dispatch.id, letter, sender, now)
        )

    def _claimed(
        self, registration: Registration, purpose: str = CONFIRM, recipient: UUID | None = None
    ) -> ReminderDispatch | None:
        """A new claim of this submission's mail, or the retry of one that is free again."""
        return self.claim_one(
            purpose,
            registration.peer_learning_id,
            (registration.id, registration.submissions),
            recipient or registration.contact.participant_id,
            registration.expires_at,
        )

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
            link=self.links.confirmation_url(
                ConfirmationLink(registration.id, registration.submissions), str(contact.locale)
            ),
            until=registration.expires_at,
        )
