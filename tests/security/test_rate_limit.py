"""Requests that do not authenticate are limited per client; a valid token never is."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from api.rate_limit import (
    RATE_LIMIT,
    TRUSTED_PROXIES,
    RateLimits,
    parse_rate_limit,
    parse_trusted_proxies,
)
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from runtime.errors import SettingError
from tests.api.client import AUDITOR, PROBLEM, TEAM, TOKENS, ApiClient, announce_body
from tests.security.conftest import make_app
from tests.security.world import BAD_TOKEN

CREDENTIALS_THAT_DO_NOT_AUTHENTICATE = {
    "basic": "Basic YW5uYTpzZWNyZXQ=",
    "empty bearer": "Bearer ",
    "garbage": "garbage",
    "wrong token": f"Bearer {BAD_TOKEN}",
    "other scheme with a valid token": f"Token {TEAM}",
}


@pytest.fixture
def limited(services: Services) -> FlaskClient:
    return make_app(services, PEERLEARNING_RATE_LIMIT="5:3").test_client()


def assert_too_many(response: Any) -> None:
    assert response.status_code == 429
    assert response.mimetype == PROBLEM
    assert int(response.headers["Retry-After"]) >= 1


def use_up_public(client: FlaskClient, **kwargs: Any) -> None:
    answers = [client.get("/peer-learnings", **kwargs).status_code for _ in range(5)]
    assert answers == [200] * 5


def test_public_reads_beyond_the_limit_are_429(limited: FlaskClient) -> None:
    use_up_public(limited)

    assert_too_many(limited.get("/calendar.ics"))


def test_unknown_paths_count_too(limited: FlaskClient) -> None:
    answers = [limited.get("/no-such-page").status_code for _ in range(5)]

    assert answers == [404] * 5
    assert_too_many(limited.get("/peer-learnings"))


def test_other_addresses_are_not_held_back(limited: FlaskClient) -> None:
    use_up_public(limited)

    other = limited.get("/peer-learnings", environ_base={"REMOTE_ADDR": "192.0.2.7"})

    assert other.status_code == 200


@pytest.mark.parametrize(
    "authorization",
    CREDENTIALS_THAT_DO_NOT_AUTHENTICATE.values(),
    ids=CREDENTIALS_THAT_DO_NOT_AUTHENTICATE.keys(),
)
def test_an_authorization_header_that_does_not_authenticate_does_not_lift_the_limit(
    limited: FlaskClient, authorization: str
) -> None:
    use_up_public(limited)

    assert_too_many(limited.get("/peer-learnings", headers={"Authorization": authorization}))


@pytest.mark.parametrize(
    "authorization",
    CREDENTIALS_THAT_DO_NOT_AUTHENTICATE.values(),
    ids=CREDENTIALS_THAT_DO_NOT_AUTHENTICATE.keys(),
)
def test_requests_that_do_not_authenticate_spend_the_public_allowance(
    limited: FlaskClient, authorization: str
) -> None:
    use_up_public(limited, headers={"Authorization": authorization})

    assert_too_many(limited.get("/peer-learnings"))


def test_repeating_a_wrong_token_is_stopped(limited: FlaskClient) -> None:
    guesses = ApiClient(limited, BAD_TOKEN)
    answers = [guesses.post("/peer-learnings", announce_body()).status_code for _ in range(3)]

    assert answers == [401] * 3
    assert_too_many(guesses.post("/peer-learnings", announce_body()))


def test_valid_tokens_are_not_refused_after_others_failed_from_the_same_address(
    limited: FlaskClient,
) -> None:
    guesses = ApiClient(limited, BAD_TOKEN)
    answers = [guesses.post("/peer-learnings", announce_body()).status_code for _ in range(5)]
    assert answers == [401, 401, 401, 429, 429]
    assert_too_many(limited.get("/peer-learnings"))

    assert ApiClient(limited, TEAM).post("/peer-learnings", announce_body()).status_code == 201
    assert ApiClient(limited, AUDITOR).get("/audit/verify").status_code == 200


def test_the_team_is_not_limited_by_public_traffic(limited: FlaskClient) -> None:
    use_up_public(limited)
    team = ApiClient(limited, TEAM)

    assert [team.get("/peer-learnings").status_code for _ in range(10)] == [200] * 10


def test_the_limit_is_on_by_default(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(RATE_LIMIT, raising=False)
    client = create_app({"PEERLEARNING_TOKENS": TOKENS}, services).test_client()
    guesses = ApiClient(client, BAD_TOKEN)

    assert {guesses.get("/audit/verify").status_code for _ in range(30)} == {401}
    assert guesses.get("/audit/verify").status_code == 429
    assert ApiClient(client, AUDITOR).get("/audit/verify").status_code == 200


def behind(proxy: str, forwarded_for: str) -> dict[str, Any]:
    return {"environ_base": {"REMOTE_ADDR": proxy}, "headers": {"X-Forwarded-For": forwarded_for}}


@pytest.fixture
def proxied(services: Services) -> FlaskClient:
    config = {RATE_LIMIT: "5:3", TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8"}
    return make_app(services, **config).test_client()


def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_allowance(
    proxied: FlaskClient,
) -> None:
    use_up_public(proxied, **behind("127.0.0.1", "198.51.100.1"))

    assert_too_many(proxied.get("/peer-learnings", **behind("127.0.0.1", "198.51.100.1")))
    assert proxied.get("/peer-learnings", **behind("127.0.0.1", "198.51.100.2")).status_code == 200


def test_forwarded_hops_are_walked_from_the_right_past_trusted_proxies(
    proxied: FlaskClient,
) -> None:
    for spoofed in range(5):
        chain = f"203.0.113.{spoofed}, 198.51.100.1, 10.1.2.3"
        assert proxied.get("/peer-learnings", **behind("127.0.0.1", chain)).status_code == 200

    assert_too_many(proxied.get("/peer-learnings", **behind("127.0.0.1", "198.51.100.1")))


def test_an_untrusted_peer_cannot_choose_its_address(proxied: FlaskClient) -> None:
    for spoofed in range(5):
        forwarded = behind("192.0.2.50", f"198.51.100.{spoofed}")
        assert proxied.get("/peer-learnings", **forwarded).status_code == 200

    assert_too_many(proxied.get("/peer-learnings", **behind("192.0.2.50", "198.51.100.99")))


def test_without_the_setting_no_forwarded_address_is_believed(limited: FlaskClient) -> None:
    for spoofed in range(5):
        forwarded = behind("127.0.0.1", f"198.51.100.{spoofed}")
        assert limited.get("/peer-learnings", **forwarded).status_code == 200

    assert_too_many(limited.get("/peer-learnings", **behind("127.0.0.1", "198.51.100.99")))


def test_trusted_proxies_are_addresses_or_networks() -> None:
    networks = parse_trusted_proxies(" 127.0.0.1, 10.0.0.0/8 ,::1,")

    assert [str(n) for n in networks] == ["127.0.0.1/32", "10.0.0.0/8", "::1/128"]


@pytest.mark.parametrize("text", ["proxy.example", "10.0.0.0/33", "127.0.0.1;10.0.0.1"])
def test_a_malformed_proxy_list_says_how_to_write_it(text: str) -> None:
    with pytest.raises(SettingError, match=TRUSTED_PROXIES):
        parse_trusted_proxies(text)


@pytest.mark.parametrize("text", ["fast", "10:x", "0:5", "-1:3"])
def test_a_malformed_setting_says_how_to_write_it(text: str) -> None:
    with pytest.raises(SettingError, match="PUBLIC:FAILURES"):
        parse_rate_limit(text)


def test_the_setting_names_both_limits() -> None:
    assert parse_rate_limit("600:30") == RateLimits(public=600, failures=30)


def test_off_turns_the_limit_off() -> None:
    assert parse_rate_limit("off") is None
