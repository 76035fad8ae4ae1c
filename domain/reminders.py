"""The ReminderDispatch aggregate: one mail to one participant, claimed before it is sent."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import Conflict
from domain.reminder_rules import DispatchStatus, dispatch_id_for


class ReminderDispatch(Aggregate):
    @staticmethod
    def create_id(
        purpose: str,
        meeting_id: UUID,
        schedule_version: int,
        offset: str | None,
        participant_id: UUID,
        **_: object,
    ) -> UUID:
        return dispatch_id_for(purpose, meeting_id, schedule_version, offset, participant_id)

    class Claimed(Aggregate.Created):
        purpose: str
        peer_learning_id: UUID
        meeting_id: UUID
        schedule_version: int
        offset: str | None
        participant_id: UUID
        due_at: datetime
        meeting_starts_at: datetime
        owner: str
        lease_until: datetime
        actor: str

    @event(Claimed)
    def __init__(
        self,
        purpose: str,
        peer_learning_id: UUID,
        meeting_id: UUID,
        schedule_version: int,
        offset: str | None,
        participant_id: UUID,
        due_at: datetime,
        meeting_starts_at: datetime,
        owner: str,
        lease_until: datetime,
        actor: str,
    ) -> None:
        self.purpose = purpose
        self.peer_learning_id = peer_learning_id
        self.meeting_id = meeting_id
        self.schedule_version = schedule_version
        self.offset = offset
        self.participant_id = participant_id
        self.due_at = due_at
        self.meeting_starts_at = meeting_starts_at
        self.owner = owner
        self.lease_until = lease_until
        self.status: str = DispatchStatus.DUE
        self.attempts = 1
        self.retry_at: datetime | None = None
        self.reason: str | None = None

    def held_by(self, owner: str, now: datetime) -> bool:
        return self.status == DispatchStatus.DUE and self.owner == owner and now < self.lease_until

    def can_be_reclaimed(self, now: datetime) -> bool:
        free_from = self.retry_at or self.lease_until
        return self.status == DispatchStatus.DUE and now >= free_from

    def reclaim(self, owner: str, now: datetime, lease_until: datetime, actor: str) -> None:
        if not self.can_be_reclaimed(now):
            raise DispatchTaken(self.id, self.status)
        self._reclaimed(owner=owner, lease_until=lease_until, actor=actor)

    class Reclaimed(Aggregate.Event):
        owner: str
        lease_until: datetime
        actor: str

    @event(Reclaimed)
    def _reclaimed(self, owner: str, lease_until: datetime, actor: str) -> None:
        self.owner = owner
        self.lease_until = lease_until
        self.retry_at = None
        self.attempts += 1

    def record_sent(self, sent_at: datetime, late: bool, actor: str) -> None:
        self._require_due()
        self._sent(sent_at=sent_at, late=late, actor=actor)

    class ReminderSent(Aggregate.Event):
        sent_at: datetime
        late: bool
        actor: str

    @event(ReminderSent)
    def _sent(self, sent_at: datetime, late: bool, actor: str) -> None:
        self.status = DispatchStatus.SENT

    def defer(self, reason: str, retry_at: datetime, actor: str) -> None:
        """A transient failure: the mail stays due and may be claimed again at retry_at."""
        self._require_due()
        self._deferred(reason=reason, retry_at=retry_at, actor=actor)

    class DeliveryDeferred(Aggregate.Event):
        reason: str
        retry_at: datetime
        actor: str

    @event(DeliveryDeferred)
    def _deferred(self, reason: str, retry_at: datetime, actor: str) -> None:
        self.retry_at = retry_at
        self.reason = reason

    def record_failed(self, reason: str, actor: str) -> None:
        self._require_due()
        self._failed(reason=reason, actor=actor)

    class ReminderFailed(Aggregate.Event):
        reason: str
        actor: str

    @event(ReminderFailed)
    def _failed(self, reason: str, actor: str) -> None:
        self.status = DispatchStatus.FAILED
        self.reason = reason

    def record_missed(self, reason: str, actor: str) -> None:
        self._require_due()
        self._missed(reason=reason, actor=actor)

    class ReminderMissed(Aggregate.Event):
        reason: str
        actor: str

    @event(ReminderMissed)
    def _missed(self, reason: str, actor: str) -> None:
        self.status = DispatchStatus.MISSED
        self.reason = reason

    def _require_due(self) -> None:
        if self.status != DispatchStatus.DUE:
            raise DispatchTaken(self.id, self.status)


class DispatchTaken(Conflict):
    """The mail was already sent, given up or is being sent by another scheduler."""

    def __init__(self, dispatch_id: UUID, status: str) -> None:
        super().__init__(f"Reminder dispatch {dispatch_id} is {status} and cannot be claimed.")
