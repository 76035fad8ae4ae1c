"""Requests without a token and failed authentications are limited per client address."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from api.app import create_app
from api.rate_limit import RATE_LIMIT, TokenBuckets, parse_rate_limit
from peerlearning.bootstrap import Services
from peerlearning.settings import SettingError
from tests.api.client import PROBLEM, TEAM, TOKENS, ApiClient, announce_body
from tests.security.conftest import make_app
from tests.security.world import BAD_TOKEN


@pytest.fixture
def limited(services: Services) -> FlaskClient:
    return make_app(services, PEERLEARNING_RATE_LIMIT="5:3").test_client()


def assert_too_many(response: object) -> None:
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert response.mimetype == PROBLEM  # type: ignore[attr-defined]
    assert int(response.headers["Retry-After"]) >= 1  # type: ignore[attr-defined]


def test_public_reads_beyond_the_limit_are_429(limited: FlaskClient) -> None:
    answers = [limited.get("/peer-learnings").status_code for _ in range(5)]

    assert answers == [200] * 5
    assert_too_many(limited.get("/calendar.ics"))


def test_other_addresses_are_not_held_back(limited: FlaskClient) -> None:
    for _ in range(6):
        limited.get("/peer-learnings")

    other = limited.get("/peer-learnings", environ_base={"REMOTE_ADDR": "192.0.2.7"})

    assert other.status_code == 200


def test_guessing_tokens_is_stopped_even_for_a_right_guess(limited: FlaskClient) -> None:
    guesses = ApiClient(limited, BAD_TOKEN)
    answers = [guesses.post("/peer-learnings", announce_body()).status_code for _ in range(3)]

    assert answers == [401] * 3
    assert_too_many(guesses.post("/peer-learnings", announce_body()))
    assert_too_many(ApiClient(limited, TEAM).post("/peer-learnings", announce_body()))


def test_the_team_is_not_limited_by_public_traffic(limited: FlaskClient) -> None:
    for _ in range(6):
        limited.get("/peer-learnings")
    team = ApiClient(limited, TEAM)

    assert [team.get("/peer-learnings").status_code for _ in range(10)] == [200] * 10


def test_the_limit_is_on_by_default(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(RATE_LIMIT, raising=False)
    client = create_app({"PEERLEARNING_TOKENS": TOKENS}, services).test_client()
    guesses = ApiClient(client, BAD_TOKEN)

    assert {guesses.get("/audit/verify").status_code for _ in range(30)} == {401}
    assert guesses.get("/audit/verify").status_code == 429


class FakeSeconds:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_buckets_refill_evenly() -> None:
    seconds = FakeSeconds()
    buckets = TokenBuckets(60, now=seconds)

    assert [buckets.take("a") for _ in range(60)] == [0] * 60
    assert buckets.take("a") == 1
    seconds.now += 1.0
    assert buckets.take("a") == 0
    assert buckets.take("a") == 1


@pytest.mark.parametrize("text", ["fast", "10:x", "0:5", "-1:3"])
def test_a_malformed_setting_says_how_to_write_it(text: str) -> None:
    with pytest.raises(SettingError, match="PUBLIC:FAILURES"):
        parse_rate_limit(text)


def test_off_turns_the_limit_off() -> None:
    assert parse_rate_limit("off") is None
