"""What a reminder needs to know about a meeting and a recipient, read from the views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

REMINDED_MODES = ("virtual", "hybrid")


@dataclass(frozen=True)
class MeetingFacts:
    peer_learning_id: UUID
    meeting_id: UUID
    kind: str
    starts_at: datetime
    ends_at: datetime
    mode: str
    schedule_version: int
    series_title: str
    host: str
    timezone: str
    contact_email: str
    state: str = "scheduled"
    title: str | None = None
    video_url: str | None = None
    location: str | None = None
    agenda_url: str | None = None
    remind_on_site: bool = False
    reminder_offsets: tuple[str, ...] | None = None
    cancel_reason: str | None = None
    timed_version: int = 1  # the schedule version that set its times

    def told_times(self, seen_version: int) -> bool:
        """Whether one who knows `seen_version` of the meeting knows its current times."""
        return seen_version >= self.timed_version

    @classmethod
    def of(cls, row: dict[str, Any]) -> MeetingFacts:
        fields = {name: row[name] for name in cls.__dataclass_fields__ if name in row}
        offsets = row.get("reminder_offsets")
        fields["reminder_offsets"] = tuple(offsets) if offsets else None
        fields["remind_on_site"] = bool(row.get("remind_on_site"))
        fields["state"] = row.get("state") or "scheduled"
        return cls(**fields)

    @property
    def wants_reminders(self) -> bool:
        return self.mode in REMINDED_MODES or self.remind_on_site

    @property
    def is_cancelled(self) -> bool:
        return self.state == "cancelled"

    def has_started(self, now: datetime) -> bool:
        return self.starts_at <= now or self.state == "held"


@dataclass(frozen=True)
class Recipient:
    participant_id: UUID
    name: str
    email: str
    locale: str = "de"
    timezone: str | None = None
    joined_at: datetime | None = None
    enrollment_id: UUID | None = None

    @classmethod
    def of(cls, row: dict[str, Any]) -> Recipient:
        return cls(
            participant_id=row["participant_id"],
            name=row["name"],
            email=row["email"],
            locale=row.get("locale") or "de",
            timezone=row.get("timezone"),
            joined_at=row.get("joined_at"),
            enrollment_id=row.get("enrollment_id"),
        )

    def zone(self, meeting: MeetingFacts) -> str:
        return self.timezone or meeting.timezone

    def was_there_at(self, moment: datetime) -> bool:
        """Reminders go to those taking part when the reminder is due, not to later joiners."""
        return self.joined_at is None or self.joined_at <= moment
