"""What every view needs: the services, today's date, versions in ETag and If-Match."""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from datetime import date
from functools import wraps
from typing import Any, TypeVar

from flask import current_app, request

from api.errors import ProblemError
from domain.clock import today
from domain.errors import StaleVersion

SERVICES = "peerlearning.services"
# An entity tag is quoted (RFC 9110, 8.8.3): `If-Match: 3` is refused, not guessed at.
_ENTITY_TAG = re.compile(r'(W/)?"([^"]*)"')
_TAG_LIST = re.compile(r'^(?:W/)?"[^"]*"(?:\s*,\s*(?:W/)?"[^"]*")*$')
# "3", or a detail's "3.1234.9f2c01ab" (version, views position, shape): If-Match reads the version
_VERSION = re.compile(r"^(\d{1,12})(?:\.\d{1,19}\.[0-9a-f]{8})?$")
NOT_A_VERSION = 'If-Match must be the version you read, in quotes, e.g. If-Match: "3".'
NEVER_SENT = (
    "If-Match names a tag this resource never had (a version is written without leading "
    'zeros); send the ETag you read, e.g. If-Match: "3".'
)
ONE_TAG = (
    'If-Match names one version here, the ETag you read, e.g. If-Match: "3"; '
    "a list of tags is not accepted."
)
F = TypeVar("F", bound=Callable[..., Any])


def services() -> Any:
    """The `Services` of this process (app, views, projector, settings)."""
    return current_app.extensions[SERVICES]


def programme_today() -> date:
    return today(services().app.clock)


def etag(version: int) -> dict[str, str]:
    return {"ETag": f'"{version}"'}


def list_version(team_list: Any) -> int:
    """The version of a list the team keeps (0 before its first entry)."""
    return 0 if team_list is None else int(team_list.version)


def check_list_version(expected_version: int | None, team_list: Any) -> None:
    """A change to a team's list sent with If-Match must name the list's version."""
    actual = list_version(team_list)
    if expected_version is not None and expected_version != actual:
        raise StaleVersion(expected_version, actual)


def parse_if_match(value: str | None) -> int | None:
    """The version an `If-Match` names; None for none or `*`.

    If-Match compares strongly (RFC 9110, 13.1.1): a weak tag never matches, so the write is
    refused with 412. One tag only: a list is refused with 400 rather than half understood.
    """
    if value is None or value.strip() == "*":
        return None
    tags = entity_tags(value)
    if len(tags) > 1:
        raise ProblemError(400, ONE_TAG)
    weak, opaque = tags[0]
    if weak:
        raise ProblemError(412, WEAK_TAG)
    match = _VERSION.match(opaque)
    if not match:
        raise ProblemError(400, NOT_A_VERSION)
    if match.group(1) != str(int(match.group(1))):  # "03" is not the tag "3" we send
        raise ProblemError(412, NEVER_SENT)
    return int(match.group(1))


def entity_tags(value: str) -> list[tuple[bool, str]]:
    """The entity tags of a header, each as (weak, opaque tag); 400 unless all are quoted."""
    written = value.strip()
    if not _TAG_LIST.match(written):
        raise ProblemError(400, NOT_A_VERSION)
    return [(bool(weak), opaque) for weak, opaque in _ENTITY_TAG.findall(written)]


WEAK_TAG = (
    'If-Match compares entity tags strongly (RFC 9110): a weak tag, W/"...", never matches, '
    'so nothing was changed. Send the strong tag from the ETag you read, e.g. If-Match: "3".'
)


def if_match(view: F) -> F:
    """Passes the version named in `If-Match` (or None) as `expected_version`."""

    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        expected = parse_if_match(request.headers.get("If-Match"))
        return view(*args, expected_version=expected, **kwargs)

    apidoc = deepcopy(getattr(view, "_apidoc", {}))
    apidoc["if_match"] = True
    checked._apidoc = apidoc  # type: ignore[attr-defined]
    return checked  # type: ignore[return-value]


def sends_etag(view: F) -> F:
    """Documents the `ETag` header a read sends (the aggregate's version)."""
    view._apidoc = {**getattr(view, "_apidoc", {}), "sends_etag": True}  # type: ignore[attr-defined]
    return view
