"""Every answer says nosniff and carries a Content-Security-Policy; the page runs no script."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from flask.testing import FlaskClient

from api.http_headers import script_hashes
from tests.api.client import TEAM, ApiClient, announce_body
from tests.security.world import World

PAGES = ["/", "/?lang=en", "/?on=2024-09-20", "/catalogue/{peer_learning_id}"]
ANSWERS = [
    *PAGES,
    "/health",
    "/peer-learnings",
    "/peer-learnings/{peer_learning_id}",
    "/peer-learnings/{peer_learning_id}/calendar.ics",
    "/calendar.ics",
    "/openapi.json",
    "/docs",
    "/docs/assets/swagger-ui.css",
    "/assets/catalogue.css",
    "/no-such-page",
    "/catalogue/00000000-0000-0000-0000-000000000000",
    "/peer-learnings?page=0",
]


def directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for directive in filter(None, (d.strip() for d in policy.split(";"))):
        name, *sources = directive.split()
        found[name] = sources
    return found


def assert_hygienic(response: Any) -> dict[str, list[str]]:
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'none'"]
    assert not any("'unsafe-inline'" in s or "'unsafe-eval'" in s for s in policy.values())
    return policy


def test_every_read_answer_carries_the_headers(client: FlaskClient, world: World) -> None:
    for template in ANSWERS:
        response = client.get(world.fill(template))
        try:
            assert_hygienic(response)
        except (AssertionError, KeyError) as error:
            raise AssertionError(f"{template}: {error!r}") from error


def test_writes_and_refusals_carry_the_headers(client: FlaskClient, team: ApiClient) -> None:
    answers = [
        team.post("/peer-learnings", announce_body()),
        client.post("/peer-learnings", json=announce_body()),
        client.post("/peer-learnings", data="x", headers={"Authorization": f"Bearer {TEAM}"}),
        team.post("/peer-learnings", {"title": 1}),
        client.delete("/peer-learnings"),
    ]

    assert [a.status_code for a in answers] == [201, 401, 415, 422, 405]
    for answer in answers:
        assert_hygienic(answer)


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, styles and handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "style" or (tag == "script" and "src" not in names):
            self.found.append(f"<{tag}>")
        self.found += [
            f"{tag}[{name}]" for name in names if name == "style" or name.startswith("on")
        ]
        self.found += [
            f"{tag}[{name}=javascript:]"
            for name, value in attrs
            if re.match(r"\s*javascript:", value or "", re.IGNORECASE)
        ]


def test_the_page_runs_no_script_and_loads_only_its_own_files(
    client: FlaskClient, world: World
) -> None:
    for template in PAGES:
        response = client.get(world.fill(template))
        inline = InlineCode()
        inline.feed(response.get_data(as_text=True))

        policy = assert_hygienic(response)
        assert "script-src" not in policy, template
        assert policy["style-src"] == ["'self'"], template
        assert inline.found == [], template


def test_the_docs_may_run_only_their_own_scripts(client: FlaskClient) -> None:
    response = client.get("/docs")

    policy = assert_hygienic(response)
    hashes = script_hashes(response.get_data())
    assert len(hashes) == 1
    assert policy["script-src"] == ["'self'", *hashes]
    assert policy["connect-src"] == ["'self'"]
