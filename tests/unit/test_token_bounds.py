"""An access token's bounds on both sides: its name, its roles and series, its expiry; and
what the team is told when one is refused."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

import pytest

from domain.access_tokens import (
    LONGEST_VALIDITY,
    MAX_SERIES,
    ROLES,
    AccessToken,
    TokenNameTaken,
    TokenNotFound,
    TokenRevoked,
    expiry_from,
    require_future,
    require_scope,
    require_token_name,
    token_id_for,
)
from domain.errors import DomainError, InvalidValue, NotFound

NOW = datetime(2024, 9, 20, 8, 0, tzinfo=UTC)
NAME_RULE = (
    r"^A token's name is 1 to 63 lower-case letters, digits, '\.', '_' or '-', "
    r"starting with a letter or digit\.$"
)


def issue(
    name: str = "ulm-host",
    role: str = "host",
    series: tuple[UUID, ...] | None = None,
    expires_at: datetime | None = None,
) -> AccessToken:
    chosen = (uuid4(),) if series is None and role == "host" else series or ()
    return AccessToken.issue(name, role, chosen, expires_at, "d" * 64, "anna", NOW)


# ---- the name -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a", "7", "x" * 63, "ulm.host_2-b", "0-"])
def test_a_name_of_one_to_sixty_three_plain_characters_is_taken(name: str) -> None:
    assert require_token_name(name) == name


@pytest.mark.parametrize("name", ["", "x" * 64, ".ulm", "_ulm", "Ulm", "ulm host", "ulm/host"])
def test_a_name_outside_the_rule_is_refused_with_the_rule(name: str) -> None:
    with pytest.raises(InvalidValue, match=NAME_RULE):
        require_token_name(name)


def test_the_token_stream_is_derived_from_its_name_and_stays_so() -> None:
    """Stored tokens are found again by this id: its derivation is part of the data."""
    assert token_id_for("ulm-host") == uuid5(NAMESPACE_URL, "peer-learning/access-token/ulm-host")
    assert token_id_for("ulm-host") != token_id_for("ulm-team")


# ---- role and series ------------------------------------------------------------------


@pytest.mark.parametrize("role", ["team", "auditor", "monitor"])
def test_an_unscoped_role_reaches_every_series(role: str) -> None:
    token = issue(role=role, series=())

    assert (token.role, token.series) == (role, [])


def test_there_are_four_roles() -> None:
    assert ROLES == ("team", "host", "auditor", "monitor")


def test_an_unknown_role_is_refused_naming_the_roles() -> None:
    with pytest.raises(
        InvalidValue, match=r"^The role must be one of team, host, auditor, monitor, not 'admin'\.$"
    ):
        require_scope("admin", ())


def test_a_host_token_names_at_least_one_series() -> None:
    with pytest.raises(InvalidValue, match=r"^A host token names at least one series\.$"):
        require_scope("host", ())


def test_only_a_host_token_is_scoped_to_series() -> None:
    with pytest.raises(
        InvalidValue, match=r"^Only a host token is scoped to series; a team token is not\.$"
    ):
        require_scope("team", (uuid4(),))


def test_a_host_token_names_up_to_fifty_series() -> None:
    fifty = tuple(uuid4() for _ in range(MAX_SERIES))

    assert MAX_SERIES == 50
    assert require_scope("host", fifty) == tuple(str(s) for s in fifty)
    with pytest.raises(InvalidValue, match=r"^A host token names at most 50 series\.$"):
        require_scope("host", (*fifty, uuid4()))


def test_a_series_named_twice_counts_once_in_the_order_given() -> None:
    first, second = uuid4(), uuid4()

    token = issue(series=(second, first, second))

    assert token.series == [str(second), str(first)]


def test_an_issued_token_holds_what_was_issued() -> None:
    series = uuid4()
    expires = NOW + timedelta(days=90)

    token = issue(name="ulm-host", series=(series,), expires_at=expires)

    assert (token.name, token.role, token.series) == ("ulm-host", "host", [str(series)])
    assert (token.expires_at, token.digest, token.issued_by) == (expires, "d" * 64, "anna")
    assert not token.is_revoked
    issued = token.collect_events()[0]
    assert isinstance(issued, AccessToken.Issued)
    assert (issued.name, issued.series, issued.digest) == ("ulm-host", [str(series)], "d" * 64)


def test_an_issued_name_is_checked() -> None:
    with pytest.raises(InvalidValue, match=NAME_RULE):
        issue(name="Ulm")


# ---- expiry ---------------------------------------------------------------------------


def test_an_expiry_lies_after_now() -> None:
    assert require_future(None, NOW) is None
    assert require_future(NOW + timedelta(seconds=1), NOW) == NOW + timedelta(seconds=1)
    with pytest.raises(InvalidValue, match=r"^The expiry must lie in the future\.$"):
        require_future(NOW, NOW)


def test_an_expiry_carries_its_offset() -> None:
    with pytest.raises(
        InvalidValue,
        match=r"^The expiry needs its offset, e\.g\. 2025-06-30T00:00:00\+02:00\.$",
    ):
        require_future(datetime(2030, 1, 1), NOW)
    with pytest.raises(InvalidValue, match="The expiry needs its offset"):
        expiry_from("2030-01-01T00:00:00", NOW)


def test_a_token_issued_with_an_expiry_in_the_past_is_refused() -> None:
    with pytest.raises(InvalidValue, match="The expiry must lie in the future"):
        issue(expires_at=NOW - timedelta(days=1))


def test_a_token_expires_within_ten_years_to_the_second() -> None:
    assert LONGEST_VALIDITY == timedelta(days=3660)
    assert expiry_from("P3660D", NOW) == NOW + LONGEST_VALIDITY
    assert expiry_from(" p3660d ", NOW) == NOW + LONGEST_VALIDITY
    latest = (NOW + LONGEST_VALIDITY).isoformat()
    assert expiry_from(latest, NOW) == NOW + LONGEST_VALIDITY
    too_late = (NOW + LONGEST_VALIDITY + timedelta(seconds=1)).isoformat()
    with pytest.raises(
        InvalidValue,
        match=rf"^A token expires within ten years \(P3660D\), by {re.escape(latest)} at the ",
    ):
        expiry_from(too_late, NOW)


@pytest.mark.parametrize(
    "refused", ["P3660DT1S", "P3661D", "P99999999D", "P999999999999D", "P523W", "PT87841H"]
)
def test_a_validity_beyond_ten_years_is_refused_naming_the_longest_never_shortened(
    refused: str,
) -> None:
    with pytest.raises(
        InvalidValue,
        match=rf"^The token's validity '{refused}' is longer than P3660D; a token expires within "
        r"ten years\.$",
    ):
        expiry_from(refused, NOW)


def test_a_moment_is_read_with_surrounding_spaces() -> None:
    assert expiry_from(" 2024-09-21T10:00:00+02:00 ", NOW) == datetime(2024, 9, 21, 8, tzinfo=UTC)


def test_no_expiry_text_means_the_token_does_not_expire() -> None:
    assert expiry_from("", NOW) is None


def test_an_unreadable_expiry_names_both_forms() -> None:
    with pytest.raises(
        InvalidValue, match=r"^'soon' is neither a duration \(P90D\) nor a moment with offset\.$"
    ):
        expiry_from("soon", NOW)


# ---- errors and revoking --------------------------------------------------------------


def test_the_token_errors_name_the_token() -> None:
    assert isinstance(TokenNotFound("ulm"), NotFound)
    assert str(TokenNotFound("ulm")) == "No token named 'ulm'."
    assert isinstance(TokenNameTaken("ulm"), DomainError)
    assert str(TokenNameTaken("ulm")) == (
        "A token named 'ulm' was issued before; a name stays with its token, so the "
        "log's actors stay unambiguous. Choose another name."
    )
    assert str(TokenRevoked("ulm")) == "The token 'ulm' is revoked already."


def test_revoking_is_recorded_with_who_revoked() -> None:
    token = issue()
    token.revoke(actor="ben")

    revoked = token.collect_events()[-1]
    assert isinstance(revoked, AccessToken.Revoked)
    assert revoked.actor == "ben"
    with pytest.raises(TokenRevoked, match=r"^The token 'ulm-host' is revoked already\.$"):
        token.revoke(actor="anna")
