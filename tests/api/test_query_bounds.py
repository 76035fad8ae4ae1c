"""The bounds the OpenAPI document names, probed on both sides for every query parameter.

The values come from the document itself, so a parameter added later is probed too: just
inside each bound is accepted, just outside is a 422 naming the parameter, and nothing is
ever a server error.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask

from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from tests.api.client import TEAM, TOKENS, ApiClient
from tests.api.query_bounds import REQUIRED_PARAMETERS, mismatches, probes
from tests.security.world import World, build_world


@pytest.fixture
def app(services: Services) -> Flask:
    settings = {"TESTING": True, "PEERLEARNING_TOKENS": TOKENS, "PEERLEARNING_RATE_LIMIT": "off"}
    return create_app(settings, services=services)


@pytest.fixture
def team(app: Flask) -> ApiClient:
    return ApiClient(app.test_client(), TEAM)


@pytest.fixture
def world(team: ApiClient) -> World:
    return build_world(team)


def test_every_query_bound_is_accepted_inside_and_refused_outside(
    team: ApiClient, world: World
) -> None:
    document = team.get("/openapi.json").json
    all_probes = probes(document, world)

    assert REQUIRED_PARAMETERS <= {name for _, name, _, _ in all_probes}
    assert mismatches(team, all_probes) == []


def test_the_document_names_the_bounds_of_the_bodies(team: ApiClient) -> None:
    schemas = team.get("/openapi.json").json["components"]["schemas"]
    series, meeting = schemas["SeriesIn"]["properties"], schemas["MeetingIn"]["properties"]
    one_line = re.compile(series["title"]["pattern"])

    assert series["reminder_offsets"]["maxItems"] == 10
    assert series["topics"]["maxItems"] == 50 and series["regions"]["maxItems"] == 50
    assert (series["planned_meetings"]["minimum"], series["planned_meetings"]["maximum"]) == (
        1,
        100,
    )
    assert series["contact_email"]["format"] == "email"
    assert series["starts_on"]["pattern"] == meeting["starts_at"]["pattern"] == "^2[01][0-9]{2}-"
    assert re.fullmatch(meeting["video_url"]["pattern"], "JAVASCRIPT:alert(1)") is None
    assert re.fullmatch(meeting["video_url"]["pattern"], "HTTPS://video.example.org/r")
    assert one_line.fullmatch("Groß-Umstadt – „Zukunft“") and not one_line.fullmatch("a\nb")
    assert schemas["Join"]["properties"]["email"]["format"] == "email"
