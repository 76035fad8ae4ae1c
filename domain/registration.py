"""The Registration aggregate: a municipality asking, on its own, to take part in a series.

It is submitted by the public, confirmed by its contact through a link (double opt-in),
and then accepted (it becomes an enrolment) or declined by the team. Left unconfirmed for
`CONFIRMATION_WINDOW`, it expires and its people's data is erased.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import ParticipantNotFound, RegistrationNotChangeable, RegistrationRefused
from domain.values import ERASED, Municipality, Participant, PersonalData

REGISTRATION_NAMESPACE = uuid5(NAMESPACE_URL, "peer-learning/registration")
CONFIRMATION_WINDOW = timedelta(days=7)
PUBLIC = "public"


class RegistrationState(StrEnum):
    AWAITING_CONFIRMATION = "awaiting-confirmation"
    CONFIRMED = "confirmed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"


def registration_id_for(peer_learning_id: UUID, municipality: Municipality) -> UUID:
    """One registration per municipality and series: registering twice is one registration."""
    if municipality.key:
        return uuid5(REGISTRATION_NAMESPACE, f"{peer_learning_id}/ags:{municipality.key}")
    normalised = re.sub(r"\s+", " ", municipality.name).strip().casefold()
    return uuid5(REGISTRATION_NAMESPACE, f"{peer_learning_id}/{normalised}")


class Registration(Aggregate):
    @staticmethod
    def create_id(peer_learning_id: UUID, municipality: Municipality, **_: object) -> UUID:
        return registration_id_for(peer_learning_id, municipality)

    class Submitted(Aggregate.Created):
        peer_learning_id: UUID
        municipality: Municipality
        contact: Participant
        participants: tuple[Participant, ...]
        submitted_at: datetime
        actor: str

    @event(Submitted)
    def __init__(
        self,
        peer_learning_id: UUID,
        municipality: Municipality,
        contact: Participant,
        participants: tuple[Participant, ...],
        submitted_at: datetime,
        actor: str,
    ) -> None:
        self.peer_learning_id = peer_learning_id
        self.submissions = 0
        self.subject_ids: set[UUID] = set()  # the people of every submission
        self._take(municipality, contact, participants, submitted_at)

    def _take(
        self,
        municipality: Municipality,
        contact: Participant,
        participants: tuple[Participant, ...],
        submitted_at: datetime,
    ) -> None:
        self.submissions += 1
        self.subject_ids.update(p.participant_id for p in (contact, *participants))
        self.municipality = municipality
        self.contact = contact
        self.participants = tuple(participants)
        self.submitted_at = submitted_at
        self.state: str = RegistrationState.AWAITING_CONFIRMATION
        self.enrollment_id: UUID | None = None
        self.reason: str | None = None
        self.confirmed_at: datetime | None = None

    @property
    def expires_at(self) -> datetime:
        return self.submitted_at + CONFIRMATION_WINDOW

    @property
    def is_pending(self) -> bool:
        """Still open: a second submission is the same registration."""
        return self.state in (RegistrationState.AWAITING_CONFIRMATION, RegistrationState.CONFIRMED)

    @property
    def people(self) -> tuple[Participant, ...]:
        return (self.contact, *self.participants)

    def submit_again(
        self,
        contact: Participant,
        participants: tuple[Participant, ...],
        now: datetime,
        actor: str,
        enrollment_ended: bool = False,
    ) -> bool:
        """A pending registration takes no second submission (nothing is recorded; from
        another contact address it is refused, naming no one), nor does
        an accepted one while its enrolment lasts; one that expired or was declined, whose
        enrolment ended (withdrawn or rejected), or whose contact's data was erased, starts
        over with the new data."""
        if self.is_pending and not self.contact.person.is_erased:
            if not self.contact.person.is_same_person_as(contact.person):
                raise RegistrationRefused("under-way", "A registration is already under way.")
            return False
        if self.state == RegistrationState.ACCEPTED and not enrollment_ended:
            return False
        self._resubmitted(contact=contact, participants=participants, submitted_at=now, actor=actor)
        return True

    class Resubmitted(Aggregate.Event):
        contact: Participant
        participants: tuple[Participant, ...]
        submitted_at: datetime
        actor: str

    @event(Resubmitted)
    def _resubmitted(
        self,
        contact: Participant,
        participants: tuple[Participant, ...],
        submitted_at: datetime,
        actor: str,
    ) -> None:
        self._take(self.municipality, contact, participants, submitted_at)

    def confirm(self, now: datetime, actor: str, submission: int | None = None) -> bool:
        """Confirming twice is confirming once; returns whether this confirmed it. A link
        names the `submission` it was mailed for: one of an earlier submission (before a
        decline or an expiry) confirms nothing that was submitted after it."""
        if submission is not None and submission != self.submissions:
            raise RegistrationNotChangeable(
                "This link belongs to an earlier submission of the registration; "
                "only the link in the latest mail confirms it."
            )
        if self.state == RegistrationState.CONFIRMED:
            return False
        self._require(RegistrationState.AWAITING_CONFIRMATION, "confirmed")
        if now >= self.expires_at:
            raise RegistrationNotChangeable("The confirmation link has expired.")
        if self.contact.person.is_erased:
            raise RegistrationNotChangeable(
                "The contact's data was erased: there is no one to confirm it; register anew."
            )
        self._confirmed(confirmed_at=now, actor=actor)
        return True

    class Confirmed(Aggregate.Event):
        confirmed_at: datetime
        actor: str

    @event(Confirmed)
    def _confirmed(self, confirmed_at: datetime, actor: str) -> None:
        self.state = RegistrationState.CONFIRMED
        self.confirmed_at = confirmed_at

    def accept(self, enrollment_id: UUID, actor: str) -> None:
        self._require(RegistrationState.CONFIRMED, "accepted")
        if self.contact.person.is_erased:
            raise RegistrationNotChangeable(
                "The contact's data was erased: an enrolment needs a contact; decline it."
            )
        self._accepted(enrollment_id=enrollment_id, actor=actor)

    class Accepted(Aggregate.Event):
        enrollment_id: UUID
        actor: str

    @event(Accepted)
    def _accepted(self, enrollment_id: UUID, actor: str) -> None:
        self.state = RegistrationState.ACCEPTED
        self.enrollment_id = enrollment_id

    def decline(self, reason: str, actor: str) -> None:
        if self.state not in (RegistrationState.CONFIRMED, RegistrationState.AWAITING_CONFIRMATION):
            raise RegistrationNotChangeable(f"A registration {self.state} cannot be declined.")
        self._declined(reason=reason, actor=actor)

    class Declined(Aggregate.Event):
        reason: str
        actor: str

    @event(Declined)
    def _declined(self, reason: str, actor: str) -> None:
        self.state = RegistrationState.DECLINED
        self.reason = reason

    def is_overdue(self, now: datetime) -> bool:
        return self.state == RegistrationState.AWAITING_CONFIRMATION and now >= self.expires_at

    def expire(self, now: datetime, actor: str) -> None:
        """Records that an unconfirmed registration lapsed and its people's data was erased
        (their keys are shredded before this is recorded)."""
        if not self.is_overdue(now):
            raise RegistrationNotChangeable("Only an unconfirmed, overdue registration expires.")
        self._expired(subject_ids=tuple(p.participant_id for p in self.people), actor=actor)

    class Expired(Aggregate.Event):
        subject_ids: tuple[UUID, ...]
        actor: str

    @event(Expired)
    def _expired(self, subject_ids: tuple[UUID, ...], actor: str) -> None:
        self.state = RegistrationState.EXPIRED
        self.contact = _erased(self.contact)
        self.participants = tuple(_erased(p) for p in self.participants)

    def erase_personal_data(self, subject_id: UUID, actor: str) -> None:
        """Records that the data of a person of any of its submissions was shredded (their
        key is gone from the store), whatever its state."""
        if subject_id not in self.subject_ids:
            raise ParticipantNotFound(subject_id)
        self._personal_data_erased(subject_id=subject_id, actor=actor)

    class PersonalDataErased(Aggregate.Event):
        subject_id: UUID
        actor: str

    @event(PersonalDataErased)
    def _personal_data_erased(self, subject_id: UUID, actor: str) -> None:
        if self.contact.participant_id == subject_id:
            self.contact = _erased(self.contact)
        self.participants = tuple(
            _erased(p) if p.participant_id == subject_id else p for p in self.participants
        )

    def _require(self, state: RegistrationState, step: str) -> None:
        if self.state != state:
            raise RegistrationNotChangeable(
                f"The registration is {self.state}; only one {state} can be {step}."
            )


def _erased(participant: Participant) -> Participant:
    person = PersonalData(participant.participant_id, ERASED, ERASED)
    return replace(participant, person=person)
