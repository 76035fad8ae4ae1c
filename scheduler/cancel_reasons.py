"""The reason a meeting was called off, as the series' events recorded it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.store_application import StoreApplication
from domain.peer_learning import SERIES_CLOSED, SERIES_WITHDRAWN, PeerLearning


class CancelReasons:
    """The reason of the meeting's cancellation event; for a series that ended before its
    end cancelled its meetings, the end's own reason."""

    def __init__(self, app: StoreApplication) -> None:
        self.app = app

    def __call__(self, peer_learning_id: UUID, meeting_id: UUID) -> str | None:
        ended: str | None = None
        for event in self.app.events.get(peer_learning_id, desc=True):
            if isinstance(event, PeerLearning.MeetingCancelled) and event.meeting_id == meeting_id:
                return event.reason
            ended = ended or _end_reason(event)
        return ended


def _end_reason(event: Any) -> str | None:
    if isinstance(event, PeerLearning.Withdrawn):
        return event.reason or SERIES_WITHDRAWN
    if isinstance(event, PeerLearning.Closed):
        return SERIES_CLOSED
    return None
