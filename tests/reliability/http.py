"""Real HTTP to a `peerlearning serve` process, shaped like Flask's test client."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from tests.api.client import TOKENS
from tests.e2e.server import RunningServer, serving
from tests.support.stores import postgres_schema, sqlite_url


class HttpAnswer:
    def __init__(self, response: requests.Response) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.mimetype = response.headers.get("Content-Type", "").split(";")[0]
        self.text = response.text
        self.json = response.json() if "json" in self.mimetype else None

    def get_data(self, as_text: bool = False) -> str:
        return self.text


class HttpClient:
    """Offers `open(path, method=, headers=, json=)` like Flask's client, over the network."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session = requests.Session()

    def open(self, path: str, method: str = "GET", **kwargs: Any) -> HttpAnswer:
        return HttpAnswer(self.session.request(method, self.url + path, timeout=30, **kwargs))


@contextmanager
def store_for(kind: str, directory: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield sqlite_url(directory)
    else:
        with postgres_schema() as url:
            yield url


def server_env(store_url: str, **extra: str) -> dict[str, str]:
    return {
        "PEERLEARNING_DATABASE_URL": store_url,
        "PEERLEARNING_TOKENS": TOKENS,
        "PEERLEARNING_RATE_LIMIT": "off",
        **extra,
    }


@contextmanager
def served(store_url: str, *args: str, **extra_env: str) -> Iterator[RunningServer]:
    with serving("--no-scheduler", *args, env=server_env(store_url, **extra_env)) as server:
        yield server
