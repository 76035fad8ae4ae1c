"""Calendar (RFC 5545) conventions shared by feeds and reminder attachments."""

from __future__ import annotations

from uuid import UUID

UID_DOMAIN = "peer-learnings.smart-cities"


def meeting_uid(meeting_id: UUID | str) -> str:
    """The stable UID of a meeting: the same in every feed and every reminder."""
    return f"meeting-{meeting_id}@{UID_DOMAIN}"


def meeting_sequence(schedule_version: int) -> int:
    """SEQUENCE rises with every reschedule: 0 for the first schedule."""
    return max(schedule_version - 1, 0)
