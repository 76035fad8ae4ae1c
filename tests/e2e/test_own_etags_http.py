"""Concurrent PATCHes without If-Match over real HTTP: each answers its own version."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from tests.e2e.server import serving
from tests.e2e.test_concurrent_http import HEADERS, TOKEN, announce

WRITERS = 4


def patch_title(url: str, series: str, title: str, start: threading.Barrier) -> Any:
    start.wait(timeout=30)
    return requests.patch(
        f"{url}/peer-learnings/{series}", headers=HEADERS, json={"title": title}, timeout=60
    )


def test_concurrent_patches_each_answer_their_own_version(store_url: str) -> None:
    env = {"PEERLEARNING_DATABASE_URL": store_url, "PEERLEARNING_TOKENS": f"team:team:{TOKEN}"}
    titles = [f"Fassung {n}" for n in range(WRITERS)]
    start = threading.Barrier(WRITERS)
    with serving("--no-scheduler", env=env) as server:
        series = announce(server.url)
        with ThreadPoolExecutor(max_workers=WRITERS) as pool:
            answers = list(pool.map(lambda t: patch_title(server.url, series, t, start), titles))
        succeeded = {
            title: answer
            for title, answer in zip(titles, answers, strict=True)
            if answer.status_code == 200
        }
        recorded = {
            title: requests.get(
                f"{server.url}/peer-learnings/{series}",
                params={"version": answer.headers["ETag"].strip('"')},
                timeout=30,
            ).json()["title"]
            for title, answer in succeeded.items()
        }

    assert {a.status_code for a in answers} <= {200, 409}
    assert succeeded
    versions = [answer.headers["ETag"] for answer in succeeded.values()]
    assert len(set(versions)) == len(versions)
    for title, answer in succeeded.items():
        assert answer.json()["title"] == title
        assert answer.headers["ETag"] == f'"{answer.json()["version"]}"'
        assert recorded[title] == title
