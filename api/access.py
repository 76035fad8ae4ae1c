"""Who a bearer token is: a configured member (`PEERLEARNING_TOKENS`) or an issued token.

Secrets are compared only as HMAC-SHA-256 digests made with the server's token key.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from api.token_registry import TokenRegistry
from api.token_use import TokenUse
from audit.database import StoreDatabase
from audit.server_keys import TOKEN_KEY, ServerKeys

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


@dataclass
class Access:
    key: bytes
    registry: TokenRegistry
    use: TokenUse
    clock: Any
    configured: dict[str, Member] = field(default_factory=dict)

    @classmethod
    def of(cls, app: Application[UUID], configured: tuple[Member, ...] = ()) -> Access:
        db = StoreDatabase(app)
        access = cls(ServerKeys(db).key(TOKEN_KEY), TokenRegistry(app), TokenUse(db), app.clock)  # type: ignore[attr-defined]
        access.configured = {access.digest(m.token): m for m in configured}
        return access

    def digest(self, secret: str) -> str:
        return hmac.new(self.key, secret.encode(), hashlib.sha256).hexdigest()

    def member(self, secret: str) -> Member | None:
        digest = self.digest(secret)
        if digest in self.configured:
            return self.configured[digest]
        token = self.registry.find(digest)
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
