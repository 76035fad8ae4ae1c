"""Two serving processes on one store: a token issued, used, revoked and expired anywhere
takes effect in both within two seconds, and its secret is nowhere but in the issuing answer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from store.settings import store_settings
from tests.api.client import TEAM
from tests.audit.tampering import every_table_text
from tests.e2e.server import ROOT, RunningServer
from tests.reliability.http import served, server_env, store_for

TAKES_EFFECT_WITHIN = 2.0


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with store_for(request.param, tmp_path) as url:
        yield url


def call(server: RunningServer, method: str, path: str, token: str, **kwargs: object) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    response = requests.request(method, server.url + path, headers=headers, timeout=10, **kwargs)  # type: ignore[arg-type]
    return response.status_code


def seconds_until(condition: Callable[[], bool], limit: float = 10.0) -> float:
    """How long until `condition` holds, polling; fails after `limit` seconds."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < limit, "the condition never held"
        time.sleep(0.02)
    return time.monotonic() - started


def tokens_command(store_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "peerlearning.cli", "tokens", *args],
        cwd=ROOT,
        env={**os.environ, **server_env(store_url)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def store_bytes(store_url: str) -> str:
    settings = store_settings(store_url)
    text = every_table_text(settings)
    if settings.is_sqlite:
        for suffix in ("", "-wal", "-shm"):
            path = Path(settings.sqlite_path + suffix)
            if path.exists():
                text += path.read_bytes().decode("latin-1")
    return text


def test_tokens_take_effect_in_both_processes_and_their_secrets_stay_hidden(
    store_url: str,
) -> None:
    secrets: list[str] = []
    with served(store_url) as one, served(store_url) as two:
        issued = requests.post(
            one.url + "/tokens",
            json={"name": "carla", "role": "auditor"},
            headers={"Authorization": f"Bearer {TEAM}"},
            timeout=10,
        )
        assert issued.status_code == 201, issued.text
        carla = issued.json()["token"]
        secrets.append(carla)
        assert seconds_until(lambda: call(two, "GET", "/audit/verify", carla) == 200) <= (
            TAKES_EFFECT_WITHIN
        )
        assert call(two, "POST", "/peer-learnings", carla, json={}) == 403

        printed = tokens_command(store_url, "issue", "dora", "--role", "team", "--actor", "anna")
        dora = printed.stdout.strip().splitlines()[-1]
        secrets.append(dora)
        assert dora not in printed.stdout.strip().splitlines()[0]
        for server in (one, two):
            known = seconds_until(lambda s=server: call(s, "GET", "/tokens", dora) == 200)  # type: ignore[misc]
            assert known <= TAKES_EFFECT_WITHIN
        listed = requests.get(
            two.url + "/tokens", headers={"Authorization": f"Bearer {dora}"}, timeout=10
        )
        assert {t["name"] for t in listed.json()} == {"carla", "dora"}

        tokens_command(store_url, "revoke", "carla", "--actor", "anna")
        for server in (one, two):
            refused = seconds_until(lambda s=server: call(s, "GET", "/audit/verify", carla) == 401)  # type: ignore[misc]
            assert refused <= TAKES_EFFECT_WITHIN

        soon = datetime.now(UTC) + timedelta(seconds=3)
        issued = requests.post(
            two.url + "/tokens",
            json={"name": "eva", "role": "auditor", "expires": soon.isoformat()},
            headers={"Authorization": f"Bearer {dora}"},
            timeout=10,
        )
        eva = issued.json()["token"]
        secrets.append(eva)
        assert seconds_until(lambda: call(one, "GET", "/audit/verify", eva) == 200) <= (
            TAKES_EFFECT_WITHIN
        )
        seconds_until(lambda: call(one, "GET", "/audit/verify", eva) == 401)
        assert datetime.now(UTC) >= soon
        assert datetime.now(UTC) - soon <= timedelta(seconds=TAKES_EFFECT_WITHIN)

        listing = tokens_command(store_url, "list").stdout
        assert "revoked" in listing and "expired" in listing
        answers = (
            requests.get(
                one.url + "/audit/export", headers={"Authorization": f"Bearer {dora}"}, timeout=30
            ).text
            + str(listed.json())
            + listing
        )
    logs = "".join(one.output) + "".join(two.output)
    stored = store_bytes(store_url)
    for secret in secrets:
        assert secret not in logs
        assert secret not in stored
        assert secret not in answers
