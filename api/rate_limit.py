"""Limits on requests that do not authenticate, per client; built on Flask-Limiter.

`PEERLEARNING_RATE_LIMIT=PUBLIC:FAILURES` allows PUBLIC requests per minute from one client
that do not authenticate successfully (no token, a wrong one, any other kind of
Authorization), and FAILURES failed authentications per minute from one client with one
presented credential; `off` turns both off. A request with a valid token is never limited.

`PEERLEARNING_TRUSTED_PROXIES` (addresses or CIDRs, comma-separated) names the proxies whose
`X-Forwarded-For` is believed; the client is the first hop from the right that is not one of
them. Any other request's `X-Forwarded-For` is ignored.
"""

from __future__ import annotations

import hashlib
import math
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from flask import Flask, Response, current_app, request
from flask_limiter import ApplicationLimit, Limiter, RateLimitExceeded

from api.auth import presented_credential, presented_member
from api.errors import problem
from runtime.errors import SettingError

RATE_LIMIT = "PEERLEARNING_RATE_LIMIT"
TRUSTED_PROXIES = "PEERLEARNING_TRUSTED_PROXIES"
DEFAULT_RATE_LIMIT = "600:30"
LIMITER = "peerlearning.rate_limit"
PROXIES = "peerlearning.trusted_proxies"

Network = IPv4Network | IPv6Network


@dataclass(frozen=True)
class RateLimits:
    """Allowed per minute and client: requests without authentication, failed authentications."""

    public: int
    failures: int


def parse_rate_limit(text: str) -> RateLimits | None:
    if text.strip().lower() in ("off", "0", "none"):
        return None
    public, _, failures = text.partition(":")
    try:
        limits = int(public), int(failures or public)
    except ValueError:
        limits = (0, 0)
    if min(limits) < 1:
        raise SettingError(
            f"{RATE_LIMIT}={text!r} is not understood; use PUBLIC:FAILURES per minute "
            f"and client, e.g. {DEFAULT_RATE_LIMIT}, or off."
        )
    return RateLimits(*limits)


def parse_trusted_proxies(text: str) -> tuple[Network, ...]:
    networks = []
    for entry in filter(None, (e.strip() for e in text.split(","))):
        try:
            networks.append(ip_network(entry, strict=False))
        except ValueError:
            raise SettingError(
                f"{TRUSTED_PROXIES}: {entry!r} is neither an address nor a CIDR; "
                "list the proxies' addresses, e.g. 127.0.0.1,10.0.0.0/8."
            ) from None
    return tuple(networks)


def is_trusted(hop: str, proxies: Sequence[Network]) -> bool:
    try:
        address = ip_address(hop)
    except ValueError:  # not an address: nothing we trust
        return False
    return any(address in network for network in proxies)


def forwarded_hops() -> list[str]:
    values = request.headers.getlist("X-Forwarded-For")
    return [hop.strip() for value in values for hop in value.split(",") if hop.strip()]


def client_address() -> str:
    """The peer, or behind trusted proxies the first hop from the right that is not one."""
    peer = request.remote_addr or "unknown"
    proxies: tuple[Network, ...] = current_app.extensions.get(PROXIES, ())
    if not is_trusted(peer, proxies):
        return peer
    hops = forwarded_hops()
    for hop in reversed(hops):
        if not is_trusted(hop, proxies):
            return hop
    return hops[0] if hops else peer


def credential_digest() -> str:
    """The presented credential, hashed: the limiter never holds a credential itself."""
    return hashlib.sha256((presented_credential() or "").encode()).hexdigest()


def client_and_credential() -> str:
    return f"{client_address()}|{credential_digest()}"


def authenticates() -> bool:
    return presented_member() is not None


def exempt_from_failure_limit() -> bool:
    """Exempts from the failure limit: a valid token, or no credential at all."""
    return authenticates() or presented_credential() is None


def is_failed_authentication(response: Response) -> bool:
    return response.status_code == 401


def application_limits(limits: RateLimits) -> list[ApplicationLimit]:
    return [
        ApplicationLimit(
            f"{limits.public} per minute",
            key_function=client_address,
            scope="public",
            exempt_when=authenticates,
            error_message="requests without a valid token",
        ),
        ApplicationLimit(
            f"{limits.failures} per minute",
            key_function=client_and_credential,
            scope="failed-authentication",
            exempt_when=exempt_from_failure_limit,
            deduct_when=is_failed_authentication,
            error_message="failed authentications with this credential",
        ),
    ]


def every_request() -> str:
    """Flask-Limiter skips requests without an endpoint and static files; we count them too."""
    return f"request:{request.endpoint or 'unrouted'}"


def too_many(error: RateLimitExceeded) -> Response:
    limiter: Limiter = current_app.extensions[LIMITER]
    breached = limiter.current_limit
    reset_at = breached.reset_at if breached is not None else time.time() + 60
    seconds = max(1, math.ceil(reset_at - time.time()))
    return problem(
        429,
        f"Too many {error.description} from your address; retry in {seconds} s.",
        headers={"Retry-After": str(seconds)},
    )


def install_rate_limit(app: Flask) -> None:
    text = app.config.get(RATE_LIMIT, os.environ.get(RATE_LIMIT, DEFAULT_RATE_LIMIT))
    proxies = app.config.get(TRUSTED_PROXIES, os.environ.get(TRUSTED_PROXIES, ""))
    app.extensions[PROXIES] = parse_trusted_proxies(str(proxies or ""))
    limits = parse_rate_limit(str(text))
    if limits is None:
        return
    limiter = Limiter(
        client_address,
        app=app,
        application_limits=application_limits(limits),  # type: ignore[arg-type]
        strategy="moving-window",
        storage_uri="memory://",
        headers_enabled=False,
        request_identifier=every_request,
    )
    app.extensions[LIMITER] = limiter
    app.register_error_handler(RateLimitExceeded, too_many)
