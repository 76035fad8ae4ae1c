"""Who a bearer token is: a configured member (`PEERLEARNING_TOKENS`) or an issued token.

Secrets are compared only as HMAC-SHA-256 digests: a configured token's under a key this
process makes for itself (so configured tokens work without the store), an issued token's under
the server's token key, the only form in which the store keeps it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from api.token_registry import TokenRegistry
from api.token_use import TokenUse
from application.store_application import translated_store_errors
from audit.server_keys import TOKEN_KEY, ServerKeys
from store.app_db import AppDb

SECRET_PREFIX = "plt_"


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    token: str = field(default="", repr=False)
    series: frozenset[str] = frozenset()
    issued: bool = False

    def __repr__(self) -> str:
        return f"Member(name={self.name!r}, role={self.role!r})"

    def may_reach(self, series_id: UUID | str) -> bool:
        return str(series_id) in self.series


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def keyed_digest(key: bytes, secret: str) -> str:
    return hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()


@dataclass
class IssuedTokens:
    """The store's side: the server's token key, the tokens followed from the log, last use."""

    key: bytes
    registry: TokenRegistry
    use: TokenUse

    @classmethod
    def of(cls, app: Application[UUID]) -> IssuedTokens:
        with translated_store_errors():
            db = AppDb(app)
            return cls(ServerKeys(db).key(TOKEN_KEY), TokenRegistry(app), TokenUse(db))

    def digest(self, secret: str) -> str:
        return keyed_digest(self.key, secret)


class Access:
    def __init__(self, app: Application[UUID], configured: tuple[Member, ...] = ()) -> None:
        self.app = app
        self.clock: Any = app.clock  # type: ignore[attr-defined]
        self._own_key = os.urandom(32)
        self.configured = {keyed_digest(self._own_key, m.token): m for m in configured}
        self.configured_names = frozenset(m.name for m in configured)
        self._issued: IssuedTokens | None = None
        self._lock = threading.Lock()

    @property
    def issued(self) -> IssuedTokens:
        """Opened on first need, so configured tokens answer even while the store does not."""
        with self._lock:
            if self._issued is None:
                self._issued = IssuedTokens.of(self.app)
            return self._issued

    @property
    def registry(self) -> TokenRegistry:
        return self.issued.registry

    @property
    def use(self) -> TokenUse:
        return self.issued.use

    def digest(self, secret: str) -> str:
        return self.issued.digest(secret)

    def member(self, secret: str) -> Member | None:
        configured = self.configured.get(keyed_digest(self._own_key, secret))
        if configured is not None:
            return configured
        token = self.registry.find(self.digest(secret))
        if token is None or not token.is_valid(self.now()):
            return None
        return Member(token.name, token.role, series=frozenset(token.series), issued=True)

    def role_of(self, actor: str | None) -> str | None:
        """The role of the token named `actor`, for the history; None for other actors."""
        for member in self.configured.values():
            if member.name == actor:
                return member.role
        token = self.registry.named(actor) if actor else None
        return token.role if token else None

    def now(self) -> datetime:
        moment: datetime = self.clock.now()
        return moment
