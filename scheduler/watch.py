"""Noticing series and meeting changes that other processes record, by polling the log."""

from __future__ import annotations

from eventsourcing.utils import get_topic

from application.store_application import StoreApplication
from domain.peer_learning import PeerLearning

SERIES_TOPICS = tuple(
    get_topic(cls)
    for cls in vars(PeerLearning).values()
    if isinstance(cls, type) and issubclass(cls, PeerLearning.Event)
)


class SeriesWatch:
    def __init__(self, app: StoreApplication) -> None:
        self.app = app
        self.seen = self._latest()

    def changed(self) -> bool:
        """True once for every stretch of the log that holds a series or meeting event."""
        latest = self._latest()
        if latest <= self.seen:
            return False
        found = self.app.recorder.select_notifications(
            start=self.seen + 1, limit=1, stop=latest, topics=SERIES_TOPICS
        )
        self.seen = latest
        return bool(found)

    def _latest(self) -> int:
        return self.app.recorder.max_notification_id() or 0
