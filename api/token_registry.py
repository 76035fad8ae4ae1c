"""The tokens issued as data, as this process knows them: followed from the log.

Every process reads the token events it has not seen yet at most once a `FRESH_FOR` seconds,
when a request needs them, so an issue, a revocation or an expiry anywhere takes effect here
within that time plus one request, without a restart. Only digests are kept.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.utils import get_topic

from application.store_application import translated_store_errors
from domain.access_tokens import AccessToken

FRESH_FOR = 1.0
PAGE = 500
TOPICS = (get_topic(AccessToken.Issued), get_topic(AccessToken.Revoked))


@dataclass(frozen=True)
class IssuedToken:
    name: str
    role: str
    series: tuple[str, ...]
    created_at: datetime
    expires_at: datetime | None
    issued_by: str
    digest: str
    revoked_at: datetime | None = None

    def is_valid(self, now: datetime) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or now < self.expires_at


class TokenRegistry:
    def __init__(self, app: Application[UUID], fresh_for: float = FRESH_FOR) -> None:
        self.app = app
        self.fresh_for = fresh_for
        self._position = 0
        self._checked_at = float("-inf")
        self._by_name: dict[str, IssuedToken] = {}
        self._by_digest: dict[str, str] = {}
        self._by_stream: dict[UUID, str] = {}
        self._lock = threading.Lock()

    def find(self, digest: str) -> IssuedToken | None:
        self.refresh()
        name = self._by_digest.get(digest)
        return self._by_name.get(name) if name else None

    def named(self, name: str) -> IssuedToken | None:
        self.refresh()
        return self._by_name.get(name)

    def all(self) -> list[IssuedToken]:
        self.refresh()
        return sorted(self._by_name.values(), key=lambda token: token.name)

    def refresh(self, now: bool = False) -> None:
        """Reads the token events recorded since the last look, if that was a while ago."""
        if not now and time.monotonic() - self._checked_at < self.fresh_for:
            return
        with self._lock, translated_store_errors():
            started = time.monotonic()
            head = self.app.recorder.max_notification_id() or 0
            while batch := self.app.recorder.select_notifications(
                self._position, PAGE, stop=head, topics=TOPICS, inclusive_of_start=False
            ):
                for notification in batch:
                    self._apply(self.app.mapper.to_domain_event(notification))
                self._position = batch[-1].id
            # Writers number events in commit order, so nothing will appear at or below `head`
            # later: the next look starts after it, not after the last token event.
            self._position = max(self._position, head)
            self._checked_at = started

    def _apply(self, event: Any) -> None:
        if isinstance(event, AccessToken.Issued):
            self._by_name[event.name] = IssuedToken(
                name=event.name,
                role=event.role,
                series=tuple(event.series),
                created_at=event.timestamp,
                expires_at=event.expires_at,
                issued_by=event.actor,
                digest=event.digest,
            )
            self._by_digest[event.digest] = event.name
            self._by_stream[event.originator_id] = event.name
        elif isinstance(event, AccessToken.Revoked):
            name = self._by_stream[event.originator_id]
            self._by_name[name] = replace(self._by_name[name], revoked_at=event.timestamp)
