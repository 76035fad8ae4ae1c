"""Meetings and recipients as the reminders see them, read from the views."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from domain.durations import parse_duration
from domain.errors import InvalidValue
from projections.queries import ViewQueries
from scheduler.calendar_windows import CalendarWindow, always_open
from scheduler.facts import MeetingFacts, Recipient

ADMITTED = "admitted"
SERIES_FIELDS = {
    "title": "series_title",
    "host": "host",
    "timezone": "timezone",
    "agenda_url": "agenda_url",
    "contact_email": "contact_email",
    "remind_on_site": "remind_on_site",
    "reminder_offsets": "reminder_offsets",
}


CancelReason = Callable[[UUID, UUID], "str | None"]
Window = Callable[[UUID, UUID], CalendarWindow]


def no_reason(peer_learning_id: UUID, meeting_id: UUID) -> str | None:
    return None


class Lookup:
    def __init__(
        self,
        views: ViewQueries,
        cancel_reason: CancelReason = no_reason,
        calendar_window: Window = always_open,
    ) -> None:
        self.views = views
        self.cancel_reason = cancel_reason
        self.calendar_window = calendar_window

    def meeting(self, peer_learning_id: UUID, meeting_id: UUID) -> MeetingFacts | None:
        """The meeting as it is now; meetings of a withdrawn or closed series count as cancelled."""
        meeting = self.views.meeting(peer_learning_id, meeting_id)
        series = self.views.series_detail(peer_learning_id)
        if meeting is None or series is None:
            return None
        row: dict[str, Any] = {new: series[old] for old, new in SERIES_FIELDS.items()}
        row.update(meeting)
        if series.get("withdrawn_on") or series.get("closed_on"):
            row["state"] = "cancelled"
        return MeetingFacts.of(row)

    def upcoming(self, after: datetime, until: datetime | None = None) -> list[MeetingFacts]:
        return [MeetingFacts.of(row) for row in self.views.upcoming_meetings(after, until)]

    def longest_offset(self, offsets: tuple[str, ...]) -> timedelta | None:
        """The earliest any reminder can fall due before its meeting, series' own included.

        None if some offset cannot be read as a duration: then no meeting is too far ahead.
        """
        longest = timedelta(0)
        for offset in {*offsets, *self.views.series_reminder_offsets()}:
            try:
                longest = max(longest, parse_duration(offset))
            except (InvalidValue, OverflowError, ValueError):  # too large for a timedelta
                return None
        return longest

    def recipients(self, peer_learning_id: UUID) -> list[Recipient]:
        """Active participants of admitted enrolments, right now."""
        return [Recipient.of(row) for row in self.views.recipients(peer_learning_id)]

    def reminded(self, peer_learning_id: UUID, meeting_id: UUID) -> list[Recipient]:
        """The recipients of the meeting's reminders: those taking part, less whoever said
        they cannot attend it (and did not take that back)."""
        declined = self.views.declined(meeting_id)
        return [r for r in self.recipients(peer_learning_id) if r.participant_id not in declined]

    def people(self, peer_learning_id: UUID, statuses: tuple[str, ...]) -> list[Recipient]:
        """Everyone of the series' enrolments in `statuses` a mail can reach, each once: the
        active participants and the contacts. Only those taking part in an admitted enrolment
        get their self-service link."""
        found: dict[UUID, Recipient] = {}
        for row in self.views.people(peer_learning_id, statuses):
            person = UUID(str(row["participant_id"]))
            if person in found:
                continue
            linked = row["taking_part"] and row["status"] == ADMITTED
            enrollment_id = UUID(str(row["enrollment_id"])) if linked else None
            found[person] = Recipient.of(
                {**row, "participant_id": person, "enrollment_id": enrollment_id}
            )
        return list(found.values())

    def recipient(self, peer_learning_id: UUID, participant_id: UUID) -> Recipient | None:
        found = [r for r in self.recipients(peer_learning_id) if r.participant_id == participant_id]
        return found[0] if found else None
