"""When a meeting stood in the calendars the series' mails carry: from its scheduling to its
cancellation, as the series' events recorded them. A calendar mail (an admission's, a seat's)
holds the meetings planned when it went out, each in the version it had then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from application.store_application import StoreApplication
from domain.peer_learning import PeerLearning


@dataclass(frozen=True)
class CalendarWindow:
    scheduled_at: datetime | None = None
    cancelled_at: datetime | None = None
    versions: tuple[tuple[datetime, int], ...] = ()  # each move's or correction's, in order

    def version_at(self, sent_at: datetime) -> int:
        """The schedule version of the meeting a calendar sent at `sent_at` holds."""
        held = [version for recorded_at, version in self.versions if recorded_at < sent_at]
        return held[-1] if held else 1

    def holds(self, sent_at: datetime) -> bool:
        """Whether a calendar recorded as sent at `sent_at` held the meeting."""
        after_scheduling = self.scheduled_at is None or self.scheduled_at < sent_at
        return after_scheduling and (self.cancelled_at is None or sent_at < self.cancelled_at)


def always_open(peer_learning_id: UUID, meeting_id: UUID) -> CalendarWindow:
    return CalendarWindow()


CHANGES = (PeerLearning.MeetingRescheduled, PeerLearning.MeetingCorrected)


class CalendarWindows:
    def __init__(self, app: StoreApplication) -> None:
        self.app = app

    def __call__(self, peer_learning_id: UUID, meeting_id: UUID) -> CalendarWindow:
        scheduled_at = cancelled_at = None
        versions: list[tuple[datetime, int]] = []
        for event in self.app.events.get(peer_learning_id):
            if isinstance(event, PeerLearning.MeetingScheduled):
                if event.meeting.meeting_id == meeting_id:
                    scheduled_at = event.timestamp
            elif isinstance(event, PeerLearning.MeetingCancelled):
                if event.meeting_id == meeting_id:
                    cancelled_at = event.timestamp
            elif isinstance(event, CHANGES) and event.meeting_id == meeting_id:
                versions.append((event.timestamp, event.schedule_version))
        return CalendarWindow(scheduled_at, cancelled_at, tuple(versions))
