"""What anyone may read holds no participant's or contact's name or e-mail."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.api.client import ApiClient
from tests.security.world import SECRET_EMAILS, SECRET_NAMES, World, leaked

PUBLIC_READS = [
    "/health",
    "/peer-learnings",
    "/peer-learnings?q=Sichere",
    "/peer-learnings?as_of=2030-01-01T00:00:00%2B00:00",
    "/peer-learnings/{peer_learning_id}",
    "/peer-learnings/{peer_learning_id}?version=3",
    "/peer-learnings/{peer_learning_id}?as_of=2030-01-01T00:00:00%2B00:00",
    "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}",
    "/peer-learnings/{peer_learning_id}/calendar.ics",
    "/calendar.ics",
    "/",
    "/?lang=en",
    "/catalogue/{peer_learning_id}",
    "/catalogue/{peer_learning_id}?lang=en",
    "/openapi.json",
]


def test_the_personal_data_is_really_there_for_the_team(team: ApiClient, world: World) -> None:
    roster = team.get(world.fill("/peer-learnings/{peer_learning_id}/enrollments"))

    assert sorted(leaked(roster.get_data(as_text=True))) == sorted([*SECRET_NAMES, *SECRET_EMAILS])


def test_no_public_read_shows_a_name_or_an_email(client: FlaskClient, world: World) -> None:
    for template in PUBLIC_READS:
        response = client.get(world.fill(template))
        assert response.status_code == 200, (template, response.status_code)
        assert leaked(response.get_data(as_text=True)) == [], template
        assert not leaked(str(response.headers)), template
