"""Access tokens as data: who may call the API, in which role, on which series, until when.

The token's secret never enters the domain: an event carries only its keyed hash (`digest`),
made by the service layer with the server's key.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.durations import in_days, parse_within
from domain.errors import DomainError, InvalidValue, NotFound

ROLES = ("team", "host", "auditor", "monitor")
SCOPED_ROLES = ("host",)
NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,62}")
MAX_SERIES = 50
LONGEST_VALIDITY = timedelta(days=3660)
WITHIN_TEN_YEARS = "a token expires within ten years."


class TokenNotFound(NotFound):
    def __init__(self, name: str) -> None:
        super().__init__(f"No token named {name!r}.")


class TokenNameTaken(DomainError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"A token named {name!r} was issued before; a name stays with its token, so the "
            "log's actors stay unambiguous. Choose another name."
        )


# Actors the service records itself (the public's registrations, the demo's data, the
# scheduler, the region list's start): a token of that name would be mistaken for them.
SERVICE_ACTORS = frozenset({"public", "demo", "scheduler", "system"})


class TokenNameReserved(TokenNameTaken):
    def __init__(self, name: str) -> None:
        DomainError.__init__(
            self,
            f"{name!r} names a configured token or an actor of the service itself; a token "
            "of that name would be mistaken for it in the log. Choose another name.",
        )


class TokenRevoked(DomainError):
    def __init__(self, name: str) -> None:
        super().__init__(f"The token {name!r} is revoked already.")


def token_id_for(name: str) -> UUID:
    """One stream per name: a second token of the same name cannot be recorded."""
    return uuid5(NAMESPACE_URL, f"peer-learning/access-token/{name}")


def require_token_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise InvalidValue(
            "A token's name is 1 to 63 lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter or digit."
        )
    return name


def require_scope(role: str, series: tuple[UUID, ...]) -> tuple[str, ...]:
    """A host names at least one series; the other roles reach everything their role may."""
    if role not in ROLES:
        raise InvalidValue(f"The role must be one of {', '.join(ROLES)}, not {role!r}.")
    if role in SCOPED_ROLES and not series:
        raise InvalidValue("A host token names at least one series.")
    if role not in SCOPED_ROLES and series:
        raise InvalidValue(f"Only a host token is scoped to series; a {role} token is not.")
    if len(series) > MAX_SERIES:
        raise InvalidValue(f"A host token names at most {MAX_SERIES} series.")
    return tuple(dict.fromkeys(str(s) for s in series))


def require_future(expires_at: datetime | None, now: datetime) -> datetime | None:
    if expires_at is None:
        return None
    if expires_at.tzinfo is None:
        raise InvalidValue("The expiry needs its offset, e.g. 2025-06-30T00:00:00+02:00.")
    if expires_at <= now:
        raise InvalidValue("The expiry must lie in the future.")
    return expires_at


def expiry_from(text: str | None, now: datetime) -> datetime | None:
    """`P90D` (from now) or a moment with its offset; None: the token does not expire.
    Either lies within ten years: a longer validity is refused, never shortened."""
    if not text:
        return None
    if text.strip().upper().startswith("P"):
        return now + parse_within(text, "The token's validity", LONGEST_VALIDITY, WITHIN_TEN_YEARS)
    return moment_within_ten_years(text, now)


def moment_within_ten_years(text: str, now: datetime) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidValue(
            f"{text!r} is neither a duration (P90D) nor a moment with offset."
        ) from None
    if moment.tzinfo is not None and moment - now > LONGEST_VALIDITY:
        raise InvalidValue(
            f"A token expires within ten years ({in_days(LONGEST_VALIDITY)}), by "
            f"{(now + LONGEST_VALIDITY).isoformat()} at the latest."
        )
    return require_future(moment, now)


class AccessToken(Aggregate):
    """A named token with one role; a host's token names the series it may run."""

    @staticmethod
    def create_id(name: str, **_: object) -> UUID:
        return token_id_for(name)

    class Issued(Aggregate.Created):
        name: str
        role: str
        series: list[str]
        expires_at: datetime | None
        digest: str
        actor: str

    @event(Issued)
    def __init__(
        self,
        name: str,
        role: str,
        series: list[str],
        expires_at: datetime | None,
        digest: str,
        actor: str,
    ) -> None:
        self.name = name
        self.role = role
        self.series = list(series)
        self.expires_at = expires_at
        self.digest = digest
        self.issued_by = actor
        self.is_revoked = False

    @classmethod
    def issue(
        cls,
        name: str,
        role: str,
        series: tuple[UUID, ...],
        expires_at: datetime | None,
        digest: str,
        actor: str,
        now: datetime,
    ) -> AccessToken:
        return cls(
            name=require_token_name(name),
            role=role,
            series=list(require_scope(role, series)),
            expires_at=require_future(expires_at, now),
            digest=digest,
            actor=actor,
        )

    def revoke(self, actor: str) -> None:
        if self.is_revoked:
            raise TokenRevoked(self.name)
        self._revoked(actor=actor)

    class Revoked(Aggregate.Event):
        actor: str

    @event(Revoked)
    def _revoked(self, actor: str) -> None:
        self.is_revoked = True
