"""The rules of an access token: name, role and scope, expiry; revoking once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from domain.access_tokens import AccessToken, TokenRevoked, expiry_from, token_id_for
from domain.errors import InvalidValue

NOW = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)


def issued(
    role: str = "host", series: tuple = (uuid4(),), expires: datetime | None = None
) -> AccessToken:
    return AccessToken.issue("ulm-host", role, series, expires, "d" * 64, "anna", NOW)


def test_a_token_lives_in_the_stream_of_its_name() -> None:
    token = issued()

    assert token.id == token_id_for("ulm-host")
    assert (token.role, token.issued_by, token.is_revoked) == ("host", "anna", False)


@pytest.mark.parametrize(
    ("role", "series"),
    [("host", ()), ("team", (uuid4(),)), ("auditor", (uuid4(),)), ("admin", ())],
)
def test_only_a_host_names_series_and_always_at_least_one(role: str, series: tuple) -> None:
    with pytest.raises(InvalidValue):
        issued(role, series)


@pytest.mark.parametrize("name", ["", "Anna", "a b", "-x", "x" * 64, "anna:team"])
def test_a_name_is_short_lower_case_and_plain(name: str) -> None:
    with pytest.raises(InvalidValue):
        AccessToken.issue(name, "team", (), None, "d" * 64, "anna", NOW)


def test_expiry_is_a_duration_or_a_moment_in_the_future_within_ten_years() -> None:
    assert expiry_from("P90D", NOW) == NOW + timedelta(days=90)
    assert expiry_from("2024-09-21T00:00:00+02:00", NOW) == datetime(2024, 9, 20, 22, 0, tzinfo=UTC)
    assert expiry_from(None, NOW) is None
    for refused in ("2024-09-19T00:00:00+02:00", "2024-09-21T00:00:00", "P4000D", "soon", "PT0S"):
        with pytest.raises(InvalidValue):
            expiry_from(refused, NOW)


def test_a_token_is_revoked_once() -> None:
    token = issued()
    token.revoke(actor="anna")

    assert token.is_revoked
    with pytest.raises(TokenRevoked):
        token.revoke(actor="anna")
