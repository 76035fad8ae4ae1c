"""Bearer tokens, configured or issued; the token's name is the actor of every event.

A host's token reaches only the series it names: `require_role(..., scope=...)` says how a
view finds the series a request is about.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from copy import deepcopy
from functools import wraps
from typing import Any, TypeVar
from uuid import UUID

from flask import Flask, Response, after_this_request, current_app, g, request

from api.access import Access, Member
from api.context import services
from api.errors import ProblemError
from audit.server_keys import check_token_key_setting
from domain.errors import NotFound
from runtime.errors import SettingError

TOKENS = "PEERLEARNING_TOKENS"
ROLES = ("team", "auditor", "monitor")
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="peerlearning"'}
F = TypeVar("F", bound=Callable[..., Any])
Scope = Callable[[dict[str, Any]], UUID]
ACCESS = "peerlearning.access"
MEMBERS = "peerlearning.members"
_building = threading.Lock()


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
    app.extensions[MEMBERS] = parse_tokens(text or "")
    check_token_key_setting()


def access() -> Access:
    """This app's token lookup, built on first use from the store the services opened."""
    extensions = current_app.extensions
    if ACCESS not in extensions:
        with _building:
            if ACCESS not in extensions:
                extensions[ACCESS] = Access(services().app, extensions[MEMBERS])
    found: Access = extensions[ACCESS]
    return found


def member_for(token: str) -> Member | None:
    """Compares keyed digests only, so neither timing nor the store tells a secret."""
    return access().member(token)


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
        raise ProblemError(
            401,
            "The token is not known, revoked or expired; ask the team for a valid one.",
            CHALLENGE,
        )
    if member.issued:
        note_use(member.name)
    return member


def note_use(name: str) -> None:
    """Notes "last used" at most once a minute, after the answer has been sent."""
    lookup = access()
    if not lookup.use.due(name):
        return
    moment = lookup.now()

    @after_this_request
    def noted(response: Response) -> Response:
        response.call_on_close(lambda: lookup.use.record(name, moment))
        return response


def series_in_path(kwargs: dict[str, Any]) -> UUID:
    series_id: UUID = kwargs["peer_learning_id"]
    return series_id


def series_of_enrollment(kwargs: dict[str, Any]) -> UUID:
    series_id: UUID = services().app.enrollment(kwargs["enrollment_id"]).peer_learning_id
    return series_id


def require_scope(member: Member, scope: Scope | None, kwargs: dict[str, Any]) -> None:
    """A host reaches only its own series; what it cannot see does not exist for it."""
    if member.role != "host":
        return
    refused = ProblemError(403, "This token may not act on this series.")
    if scope is None:
        raise refused
    try:
        series_id = scope(kwargs)
    except NotFound:
        raise refused from None
    if not member.may_reach(series_id):
        raise refused


def require_role(*roles: str, scope: Scope | None = None) -> Callable[[F], F]:
    """Lets only members with one of `roles` through; their name becomes the actor.

    A host passes only where `scope` names the series the request is about, and only for
    the series its token names.
    """

    def decorator(view: F) -> F:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            member = authenticate()
            if member.role not in roles:
                raise ProblemError(403, f"This needs the role {' or '.join(roles)}.")
            require_scope(member, scope, kwargs)
            g.member = member
            return view(*args, **kwargs)

        apidoc = deepcopy(getattr(view, "_apidoc", {}))
        apidoc["roles"] = roles
        guarded._apidoc = apidoc  # type: ignore[attr-defined]
        return guarded  # type: ignore[return-value]

    return decorator


def sees_video_links(series_id: UUID | str) -> bool:
    """Whether the caller may read a series' video links: the team, auditors and the
    series' host. The public page and feeds leave them out; participants get them by mail."""
    member = presented_member()
    if member is None:
        return False
    return member.role in ("team", "auditor") or member.may_reach(series_id)


def current_actor() -> str:
    return str(g.member.name)


def current_role() -> str:
    return str(g.member.role)
