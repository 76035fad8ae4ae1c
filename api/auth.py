"""Bearer tokens from `PEERLEARNING_TOKENS`; the token's name is the actor of every event."""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, current_app, g, request

from api.errors import ProblemError
from peerlearning.settings import SettingError

TOKENS = "PEERLEARNING_TOKENS"
ROLES = ("team", "auditor")
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="peerlearning"'}
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    token: str

    def __repr__(self) -> str:
        return f"Member(name={self.name!r}, role={self.role!r})"


def parse_tokens(text: str) -> tuple[Member, ...]:
    """Reads `name:role:token,...`; says which entry is wrong without repeating any token."""
    members = []
    for position, entry in enumerate(filter(None, (e.strip() for e in text.split(","))), 1):
        name, _, rest = entry.partition(":")
        role, _, token = rest.partition(":")
        if not name or role not in ROLES or len(token) < 8:
            raise SettingError(
                f"{TOKENS}: entry {position} must be name:role:token with role "
                f"{' or '.join(ROLES)} and a token of at least 8 characters."
            )
        members.append(Member(name.strip(), role, token))
    return tuple(members)


def install_tokens(app: Flask, text: str | None = None) -> None:
    if text is None:
        text = app.config.get(TOKENS, os.environ.get(TOKENS, ""))
    app.extensions["peerlearning.members"] = parse_tokens(text or "")


def member_for(token: str) -> Member | None:
    """Compares against every token in constant time, so timing tells nothing."""
    found = None
    offered = hashlib.sha256(token.encode()).digest()
    for member in current_app.extensions["peerlearning.members"]:
        if hmac.compare_digest(hashlib.sha256(member.token.encode()).digest(), offered):
            found = member
    return found


def presented_credential() -> str | None:
    """The Authorization header as sent, of any kind; None when there is none."""
    return request.headers.get("Authorization")


def bearer_token() -> str | None:
    scheme, _, token = (presented_credential() or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def presented_member() -> Member | None:
    """The member whose token this request carries, looked up once per request."""
    if "presented_member" not in g:
        token = bearer_token()
        g.presented_member = member_for(token) if token else None
    found: Member | None = g.presented_member
    return found


def authenticate() -> Member:
    if bearer_token() is None:
        raise ProblemError(401, "Send Authorization: Bearer <token>.", CHALLENGE)
    member = presented_member()
    if member is None:
        raise ProblemError(401, "The token is not known; ask the team for a valid one.", CHALLENGE)
    return member


def require_role(*roles: str) -> Callable[[F], F]:
    """Lets only members with one of `roles` through; their name becomes the actor."""

    def decorator(view: F) -> F:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            member = authenticate()
            if member.role not in roles:
                raise ProblemError(403, f"This needs the role {' or '.join(roles)}.")
            g.member = member
            return view(*args, **kwargs)

        apidoc = deepcopy(getattr(view, "_apidoc", {}))
        apidoc["roles"] = roles
        guarded._apidoc = apidoc  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorator


def current_actor() -> str:
    return str(g.member.name)
