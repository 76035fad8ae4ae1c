"""The catalogue and the detail over real HTTP: an ETag of the views' state, 304 while it
holds, a new answer once a write moved the views; the detail's tag still serves If-Match."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from tests.api.client import ApiClient
from tests.support.http_server import served


@pytest.fixture
def url(flask_app: Flask) -> Iterator[str]:
    with served(flask_app) as base:
        yield base


def get(address: str, tag: str | None = None) -> requests.Response:
    headers = {"If-None-Match": tag} if tag else {}
    return requests.get(address, headers=headers, timeout=30)


def test_the_catalogue_answers_304_until_a_write_moves_the_views(url: str, team: ApiClient) -> None:
    team.announce(title="Alpha Wasser")
    first = get(f"{url}/peer-learnings")
    tag = first.headers["ETag"]
    assert first.status_code == 200 and [i["title"] for i in first.json()["items"]] == [
        "Alpha Wasser"
    ]

    unchanged = get(f"{url}/peer-learnings", tag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["ETag"] == tag
    other_query = get(f"{url}/peer-learnings?per_page=5", tag)
    assert other_query.status_code == 200 and other_query.headers["ETag"] != tag

    team.announce(title="Beta Mobilität")
    changed = get(f"{url}/peer-learnings", tag)
    assert changed.status_code == 200 and changed.headers["ETag"] != tag
    assert {i["title"] for i in changed.json()["items"]} == {"Alpha Wasser", "Beta Mobilität"}
    assert get(f"{url}/peer-learnings", changed.headers["ETag"]).status_code == 304


def test_the_detail_answers_304_and_its_tag_names_the_version_for_if_match(
    url: str, team: ApiClient, series: dict[str, Any]
) -> None:
    path = f"/peer-learnings/{series['id']}"
    first = get(url + path)
    tag = first.headers["ETag"]
    assert tag.startswith('"1.')
    assert get(url + path, tag).status_code == 304

    team.announce(title="Eine andere Reihe")  # moves the views, not this series
    moved = get(url + path, tag)
    assert moved.status_code == 200 and moved.content == first.content
    assert moved.headers["ETag"] != tag and moved.headers["ETag"].startswith('"1.')

    assert team.patch(path, {"capacity": 7}, headers={"If-Match": tag}).status_code == 200
    assert team.patch(path, {"capacity": 8}, headers={"If-Match": tag}).status_code == 412
    revised = get(url + path, moved.headers["ETag"])
    assert revised.status_code == 200 and revised.json()["capacity"] == 7
    assert revised.headers["ETag"].startswith('"2.')


def test_if_none_match_compares_weakly_so_a_weak_tag_answers_304(
    url: str, team: ApiClient, series: dict[str, Any]
) -> None:
    for path in ("/peer-learnings", f"/peer-learnings/{series['id']}"):
        tag = get(url + path).headers["ETag"]

        weak = get(url + path, f"W/{tag}")
        listed = get(url + path, f'"elsewhere", W/{tag}')

        assert weak.status_code == 304 and weak.headers["ETag"] == tag, path
        assert listed.status_code == 304 and listed.headers["ETag"] == tag, path


def test_an_unchanged_answer_is_not_rendered_again(
    client: FlaskClient, team: ApiClient, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    series_id = team.announce().json["id"]
    catalogue = client.get("/peer-learnings?per_page=7")
    detail = client.get(f"/peer-learnings/{series_id}")

    def not_again(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an unchanged answer was rendered again")

    monkeypatch.setattr(services.views, "catalogue", not_again)
    monkeypatch.setattr(services.views, "series_detail", not_again)
    assert client.get("/peer-learnings?per_page=7").data == catalogue.data
    assert client.get(f"/peer-learnings/{series_id}").data == detail.data


WRITER = """
import sys
from peerlearning.bootstrap import bootstrap
from store.settings import store_settings
from tests.support.samples import announce
services = bootstrap(store_settings(sys.argv[1]))
announce(services.app, title=sys.argv[2])
services.close()
"""


def test_a_write_by_another_process_moves_the_answers(
    url: str, team: ApiClient, store_url: str
) -> None:
    team.announce(title="Alpha Wasser")
    first = get(f"{url}/peer-learnings")
    assert get(f"{url}/peer-learnings", first.headers["ETag"]).status_code == 304

    subprocess.run([sys.executable, "-c", WRITER, store_url, "Gamma Energie"], check=True)

    changed = get(f"{url}/peer-learnings", first.headers["ETag"])
    assert changed.status_code == 200
    assert {i["title"] for i in changed.json()["items"]} == {"Alpha Wasser", "Gamma Energie"}
    assert b"Gamma Energie" in get(f"{url}/").content
