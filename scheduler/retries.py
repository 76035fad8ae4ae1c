"""Mails that stayed due: their sender crashed, or SMTP asked us to try again later."""

from __future__ import annotations

from uuid import UUID

from domain.reminder_rules import Purpose
from domain.reminders import ReminderDispatch
from scheduler.claims import ACTOR, Letter, Parcel
from scheduler.courier import Tally
from scheduler.dispatch_work import DispatchWork
from scheduler.isolation import one_unit


class Retries(DispatchWork):
    def retry_due(self) -> Tally:
        parcels: list[Parcel] = []
        for dispatch_id in self.dispatches.free_to_retry(self.clock.now()):
            with one_unit("Retry of mail", dispatch_id):
                parcels.extend(self._retaken(dispatch_id))
        return self.courier.deliver(parcels) if parcels else Tally()

    def _retaken(self, dispatch_id: UUID) -> list[Parcel]:
        """The mail taken over for one more try, if it is still free and still wanted."""
        dispatch = self.claims.reclaim(dispatch_id)
        if dispatch is None:
            return []
        letter, obstacle = self._letter(dispatch)
        if letter is None:
            dispatch.record_missed(obstacle, actor=ACTOR)
            self.claims.settle(dispatch)
            return []
        return [Parcel(letter, dispatch)]

    def _letter(self, dispatch: ReminderDispatch) -> tuple[Letter | None, str]:
        """The mail rebuilt from today's facts, or why it must not go out any more."""
        meeting = self.lookup.meeting(dispatch.peer_learning_id, dispatch.meeting_id)
        recipient = self.lookup.recipient(dispatch.peer_learning_id, dispatch.participant_id)
        if meeting is None or recipient is None:
            return None, "The participant or the meeting is gone."
        if dispatch.purpose != Purpose.CANCELLATION:
            if meeting.is_cancelled or meeting.schedule_version != dispatch.schedule_version:
                return None, "The meeting was moved or cancelled since."
            if meeting.has_started(self.clock.now()):
                return None, "The meeting had already started."
        letter = Letter(dispatch.purpose, dispatch.offset, meeting, recipient, dispatch.due_at)
        return letter, ""
