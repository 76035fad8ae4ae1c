"""Issuing and revoking access tokens: events in the log, with the actor, never the secret."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from application.store_application import StoreApplication
from domain.access_tokens import (
    SERVICE_ACTORS,
    AccessToken,
    TokenNameReserved,
    TokenNameTaken,
    TokenNotFound,
    require_scope,
    require_token_name,
    token_id_for,
)
from domain.errors import ConcurrentWrite


def issue_token(
    app: StoreApplication,
    name: str,
    role: str,
    series: tuple[UUID, ...],
    expires_at: datetime | None,
    digest: str,
    actor: str,
) -> AccessToken:
    """Records `Issued`; a name used once, even by a revoked token, is never issued again,
    nor one the service records as its own actor."""
    if require_token_name(name) in SERVICE_ACTORS:
        raise TokenNameReserved(name)
    if token_id_for(name) in app.repository:
        raise TokenNameTaken(name)
    require_scope(role, series)
    for series_id in series:
        app.series(series_id)
    token = AccessToken.issue(name, role, series, expires_at, digest, actor, app.clock.now())
    try:
        app.record(token)
    except ConcurrentWrite:
        raise TokenNameTaken(name) from None
    return token


def access_token(app: StoreApplication, name: str) -> AccessToken:
    return app.load(AccessToken, token_id_for(name), lambda _: TokenNotFound(name))


def revoke_token(app: StoreApplication, name: str, actor: str) -> AccessToken:
    token = access_token(app, name)
    token.revoke(actor=actor)
    app.record(token)
    return token
