"""Change and cancellation notices to those who hold a meeting in their calendar: who was
reminded of it, and who was sent it in an admission's or a seat's calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from domain.reminder_rules import Purpose
from scheduler.claims import Letter
from scheduler.content import ENROLMENT_ENDED
from scheduler.courier import Tally
from scheduler.dispatch_queries import ENDED
from scheduler.dispatch_work import DispatchWork
from scheduler.facts import MeetingFacts, Recipient
from scheduler.isolation import one_unit

# the enrolments whose people hear of a cancellation: also those that ended after it
TOLD_OF_CANCELLATIONS = ("admitted", *ENDED)


class Notices(DispatchWork):
    def send_due(self) -> Tally:
        tally = Tally()
        since = self.clock.now() - self.settings.lookback
        for peer_learning_id, meeting_id in self.meetings_to_tell(since):
            with one_unit("Notices of meeting", meeting_id):
                tally.add(self.send_for(peer_learning_id, meeting_id))
        return tally

    def meetings_to_tell(self, since: datetime) -> list[tuple[UUID, UUID]]:
        reminded = self.dispatches.reminded_meetings(since)
        cancelled = self.dispatches.cancelled_in_calendars(since)
        changed = self.dispatches.changed_in_calendars(since)
        ended = self.dispatches.ahead_of_ended_enrolments(since)
        return list(dict.fromkeys((*reminded, *cancelled, *changed, *ended)))

    def send_for(self, peer_learning_id: UUID, meeting_id: UUID) -> Tally:
        meeting = self.lookup.meeting(peer_learning_id, meeting_id)
        if meeting is None or meeting.has_started(self.clock.now()):
            return Tally()
        letters = self.letters(meeting)
        if not letters:
            return Tally()
        return self.courier.deliver(self.claims.claim(letters))

    def letters(self, meeting: MeetingFacts) -> list[Letter]:
        """Cancelled: everyone who holds it. Changed: everyone reminded of an older version,
        told of a move if they do not know its times yet, else of a correction. Still
        planned: who holds it of an enrolment that ended, with that as the reason."""
        if meeting.is_cancelled:
            letters = self.cancellations(meeting, TOLD_OF_CANCELLATIONS)
            told = self.with_reason(meeting) if letters else meeting
            return [replace(each, meeting=told) for each in letters]
        ended = replace(meeting, cancel_reason=ENROLMENT_ENDED)
        return [
            *self.changes(meeting),
            *(replace(each, meeting=ended) for each in self.cancellations(meeting, ENDED)),
        ]

    def changes(self, meeting: MeetingFacts) -> list[Letter]:
        """To everyone who knows an older version, from a reminder or from a calendar."""
        changed = meeting.schedule_version > 1
        known_versions = self.calendar_holdings(meeting) if changed else {}
        for person, seen in self.dispatches.reminded(meeting.meeting_id).items():
            known_versions[person] = max(seen, known_versions.get(person, 0))
        behind = {p: v for p, v in known_versions.items() if v < meeting.schedule_version}
        if not behind:
            return []
        recipients = self.lookup.recipients(meeting.peer_learning_id)
        known = self.dispatches.known(meeting.meeting_id)
        moved = {p for p, seen in behind.items() if not meeting.told_times(seen)}
        return [
            *self._to(Purpose.CHANGE, meeting, recipients, moved, known),
            *self._to(Purpose.UPDATE, meeting, recipients, set(behind) - moved, known),
        ]

    def calendar_holdings(self, meeting: MeetingFacts) -> dict[UUID, int]:
        """Who holds the meeting from a calendar mail (an admission's, a seat's, a
        welcome's), each with the version of the meeting it gave them."""
        sent = self.dispatches.calendars_sent(meeting.peer_learning_id)
        if not sent:
            return {}
        window = self.lookup.calendar_window(meeting.peer_learning_id, meeting.meeting_id)
        versions: dict[UUID, int] = {}
        for person, moment in sent:
            if window.holds(moment):
                versions[person] = max(window.version_at(moment), versions.get(person, 0))
        return versions

    def cancellations(self, meeting: MeetingFacts, statuses: tuple[str, ...]) -> list[Letter]:
        """One cancellation to each holder of the meeting of the enrolments in `statuses`
        who has none yet, of whichever version of the meeting."""
        people = self.lookup.people(meeting.peer_learning_id, statuses)
        told = self.dispatches.told_of_cancellation(meeting.meeting_id)
        untold = self._to(Purpose.CANCELLATION, meeting, people, None, set())
        untold = [each for each in untold if each.recipient.participant_id not in told]
        if not untold:
            return []
        holders = self.holders(meeting, {each.recipient.participant_id for each in untold})
        return [each for each in untold if each.recipient.participant_id in holders]

    def holders(self, meeting: MeetingFacts, among: set[UUID]) -> set[UUID]:
        """Those `among` who hold the meeting: reminded of it, or sent a calendar with it."""
        holders = among.intersection(self.dispatches.reminded(meeting.meeting_id))
        if holders == among:
            return holders
        return holders | among.intersection(self.calendar_holdings(meeting))

    def _to(
        self,
        purpose: str,
        meeting: MeetingFacts,
        recipients: list[Recipient],
        targets: set[UUID] | None,
        known: set[UUID],
    ) -> list[Letter]:
        """The letters of `purpose` to the recipients among `targets` (all without), not
        yet claimed."""
        now = self.clock.now()
        letters = [
            Letter(purpose, None, meeting, recipient, now)
            for recipient in recipients
            if targets is None or recipient.participant_id in targets
        ]
        return [letter for letter in letters if letter.dispatch_id not in known]

    def with_reason(self, meeting: MeetingFacts) -> MeetingFacts:
        """The cancelled meeting with the reason given for it, for the notice to name."""
        reason = self.lookup.cancel_reason(meeting.peer_learning_id, meeting.meeting_id)
        return replace(meeting, cancel_reason=reason)
