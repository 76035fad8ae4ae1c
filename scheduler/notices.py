"""Change and cancellation notices to those who were already reminded of a meeting."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from domain.reminder_rules import Purpose
from scheduler.claims import Letter
from scheduler.courier import Tally
from scheduler.dispatch_work import DispatchWork
from scheduler.facts import MeetingFacts
from scheduler.isolation import one_unit


class Notices(DispatchWork):
    def send_due(self) -> Tally:
        tally = Tally()
        since = self.clock.now() - self.settings.lookback
        for peer_learning_id, meeting_id in self.dispatches.reminded_meetings(since):
            with one_unit("Notices of meeting", meeting_id):
                tally.add(self.send_for(peer_learning_id, meeting_id))
        return tally

    def send_for(self, peer_learning_id: UUID, meeting_id: UUID) -> Tally:
        meeting = self.lookup.meeting(peer_learning_id, meeting_id)
        if meeting is None or meeting.has_started(self.clock.now()):
            return Tally()
        letters = self.letters(meeting)
        if not letters:
            return Tally()
        return self.courier.deliver(self.claims.claim(letters))

    def letters(self, meeting: MeetingFacts) -> list[Letter]:
        """Cancelled: everyone reminded. Changed: everyone who knows an older version, told
        of a move if they do not know its times yet, else of a correction."""
        reminded = self.dispatches.reminded(meeting.meeting_id)
        if meeting.is_cancelled:
            targets = {p: Purpose.CANCELLATION for p in reminded}
            meeting = self.with_reason(meeting) if targets else meeting
        else:
            targets = {
                p: Purpose.UPDATE if meeting.told_times(seen) else Purpose.CHANGE
                for p, seen in reminded.items()
                if seen < meeting.schedule_version
            }
        if not targets:
            return []
        known = self.dispatches.known(meeting.meeting_id)
        now = self.clock.now()
        letters = [
            Letter(targets[recipient.participant_id], None, meeting, recipient, now)
            for recipient in self.lookup.recipients(meeting.peer_learning_id)
            if recipient.participant_id in targets
        ]
        return [letter for letter in letters if letter.dispatch_id not in known]

    def with_reason(self, meeting: MeetingFacts) -> MeetingFacts:
        """The cancelled meeting with the reason given for it, for the notice to name."""
        reason = self.lookup.cancel_reason(meeting.peer_learning_id, meeting.meeting_id)
        return replace(meeting, cancel_reason=reason)
