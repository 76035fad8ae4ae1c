"""Issue, list and revoke tokens: the same steps for `peerlearning tokens` and `/tokens`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from api.access import Access, new_secret
from api.token_registry import IssuedToken
from application.store_application import StoreApplication
from application.token_commands import issue_token, revoke_token
from domain.access_tokens import TokenNameReserved, TokenNotFound, expiry_from


def issue(
    app: StoreApplication,
    access: Access,
    name: str,
    role: str,
    series: Sequence[UUID],
    expires: str | None,
    actor: str,
) -> tuple[dict[str, Any], str]:
    """Records the token's digest and answers the secret, which exists nowhere else."""
    if name in access.configured_names:
        raise TokenNameReserved(name)
    secret = new_secret()
    expires_at = expiry_from(expires, access.now())
    issue_token(app, name, role, tuple(series), expires_at, access.digest(secret), actor)
    return described(access, _known(access, name)), secret


def revoke(app: StoreApplication, access: Access, name: str, actor: str) -> dict[str, Any]:
    revoke_token(app, name, actor)
    return described(access, _known(access, name))


def listing(access: Access) -> list[dict[str, Any]]:
    last_used = access.use.last_used()
    return [described(access, token, last_used) for token in access.registry.all()]


def _known(access: Access, name: str) -> IssuedToken:
    access.registry.refresh(now=True)
    token = access.registry.named(name)
    if token is None:
        raise TokenNotFound(name)
    return token


def described(
    access: Access, token: IssuedToken, last_used: dict[str, str] | None = None
) -> dict[str, Any]:
    if last_used is None:
        last_used = access.use.last_used()
    return {
        "name": token.name,
        "role": token.role,
        "series": list(token.series),
        "created_at": _iso(token.created_at),
        "expires_at": _iso(token.expires_at),
        "issued_by": token.issued_by,
        "revoked_at": _iso(token.revoked_at),
        "last_used_at": last_used.get(token.name),
        "status": status(token, access.now()),
    }


def status(token: IssuedToken, now: datetime) -> str:
    if token.revoked_at is not None:
        return "revoked"
    return "valid" if token.is_valid(now) else "expired"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
