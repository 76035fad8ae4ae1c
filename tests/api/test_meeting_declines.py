# mypy: disable-error-code="index"
"""A participant's "I can't attend": the decline and its undo as events, the meeting roster
with declines, and the personal decline link's page (a GET never declines)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
from flask.testing import FlaskClient

from application.links import DECLINE_PATH, DECLINE_WINDOW, ConfirmationLink, DeclineLink
from domain.enrollment import Enrollment
from domain.errors import DeclineNotChangeable, MeetingNotChangeable
from peerlearning.bootstrap import Services
from tests.api.client import ApiClient
from tests.api.participation_history import History, build_history
from tests.support.clock import FakeClock

PARTICIPANT = "public:p-anna"


def link_for(history: History, person: str, place: str, meeting: str = "later") -> DeclineLink:
    return DeclineLink(
        peer_learning_id=UUID(history.series_id),
        enrollment_id=UUID(history.enrolments[place]),
        participant_id=UUID(history.people[person]),
        meeting_id=UUID(history.meetings[meeting]),
    )


def decline(services: Services, link: DeclineLink, undo: bool = False) -> int:
    command = services.app.undo_decline if undo else services.app.decline_meeting
    return command(  # type: ignore[no-any-return]
        link.enrollment_id, link.participant_id, link.meeting_id, actor=PARTICIPANT
    )


def roster(team: ApiClient, history: History, meeting: str = "later") -> dict[str, Any]:
    path = f"/peer-learnings/{history.series_id}/meetings/{history.meetings[meeting]}/roster"
    answer = team.get(path)
    found: dict[str, Any] = answer.json  # type: ignore[assignment]
    assert answer.status_code == 200, found
    return found


def declined_names(found: dict[str, Any]) -> dict[str, bool]:
    places = found["municipalities"]
    return {p["name"]: p["declined"] for place in places for p in place["participants"]}


def test_a_decline_and_its_undo_are_events_with_the_participant_as_actor(
    team: ApiClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    anna = link_for(history, "Anna", "Arnsberg")

    decline(services, anna)
    decline(services, anna, undo=True)

    events = services.app.repository.event_store.get(anna.enrollment_id)
    answers = [
        e for e in events if isinstance(e, Enrollment.MeetingDeclined | Enrollment.DeclineWithdrawn)
    ]
    assert [(type(e).__name__, e.participant_id, e.meeting_id, e.actor) for e in answers] == [
        ("MeetingDeclined", anna.participant_id, anna.meeting_id, PARTICIPANT),
        ("DeclineWithdrawn", anna.participant_id, anna.meeting_id, PARTICIPANT),
    ]
    assert not services.app.enrollment(anna.enrollment_id).has_declined(
        anna.participant_id, anna.meeting_id
    )


def test_a_decline_is_recorded_once_and_only_a_decline_is_undone(
    team: ApiClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    otto = link_for(history, "Otto", "Olpe")

    with pytest.raises(DeclineNotChangeable):
        decline(services, otto, undo=True)
    decline(services, otto)
    with pytest.raises(DeclineNotChangeable):
        decline(services, otto)


def test_a_held_or_cancelled_meeting_cannot_be_declined(
    team: ApiClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    later = link_for(history, "Arne", "Arnsberg")
    cancelled = f"/peer-learnings/{history.series_id}/meetings/{later.meeting_id}?reason=Feiertag"
    assert team.delete(cancelled).status_code == 200

    with pytest.raises(MeetingNotChangeable, match="already held"):
        decline(services, link_for(history, "Arne", "Arnsberg", "kickoff"))
    with pytest.raises(MeetingNotChangeable, match="cancelled"):
        decline(services, later)


def test_a_participant_who_left_cannot_decline(
    team: ApiClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)

    with pytest.raises(DeclineNotChangeable, match="left"):
        decline(services, link_for(history, "Karla", "Kassel"))


def test_the_roster_shows_who_declined_and_counts_expected_and_declined(
    team: ApiClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    before = roster(team, history)
    decline(services, link_for(history, "Anna", "Arnsberg"))
    decline(services, link_for(history, "Otto", "Olpe"))
    decline(services, link_for(history, "Otto", "Olpe"), undo=True)
    decline(services, link_for(history, "Arne", "Arnsberg"))

    after = roster(team, history)

    assert (before["expected"], before["declined"]) == (3, 0)
    assert declined_names(before) == {"Anna": False, "Arne": False, "Otto": False}
    assert (after["expected"], after["declined"]) == (1, 2)
    assert declined_names(after) == {"Anna": True, "Arne": True, "Otto": False}
    other = roster(team, history, "exchange")
    assert (other["expected"], other["declined"]) == (3, 0), "a decline is for one meeting"
    services.projector.rebuild()
    assert roster(team, history) == after, "the roster is rebuilt from the events alike"


def page_of(client: FlaskClient, token: str, lang: str = "de") -> tuple[int, str]:
    answer = client.get(f"{DECLINE_PATH}?token={token}&lang={lang}")
    return answer.status_code, answer.get_data(as_text=True)


def test_opening_the_link_shows_a_button_and_only_its_post_declines(
    team: ApiClient, client: FlaskClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    anna = link_for(history, "Anna", "Arnsberg")
    token = services.links.decline_token(anna)

    status, page = page_of(client, token)
    assert status == 200 and "Ich kann nicht teilnehmen" in page
    assert 'method="post"' in page and 'data-declined="false"' in page
    assert declined_names(roster(team, history))["Anna"] is False, "a GET declines nothing"

    posted = client.post(DECLINE_PATH, data={"token": token, "lang": "de", "action": "decline"})
    assert posted.status_code == 200
    assert 'data-declined="true"' in posted.get_data(as_text=True)
    assert declined_names(roster(team, history))["Anna"] is True
    events = services.app.repository.event_store.get(anna.enrollment_id)
    [declined] = [e for e in events if isinstance(e, Enrollment.MeetingDeclined)]
    assert declined.actor.startswith("public:") and history.people["Anna"] not in declined.actor

    again = client.post(DECLINE_PATH, data={"token": token, "lang": "de", "action": "decline"})
    assert again.status_code == 200 and 'data-declined="true"' in again.get_data(as_text=True)
    undone = client.post(DECLINE_PATH, data={"token": token, "lang": "en", "action": "undo"})
    assert undone.status_code == 200
    assert "you are expected again" in undone.get_data(as_text=True)
    assert 'data-declined="false"' in undone.get_data(as_text=True)
    assert declined_names(roster(team, history))["Anna"] is False


def test_an_expired_link_is_refused_in_the_persons_language(
    team: ApiClient, client: FlaskClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)  # the clock stands at 2024-11-20, before "later"
    now = clock.now()
    clock.set(now - DECLINE_WINDOW - timedelta(minutes=1))
    token = services.links.decline_token(link_for(history, "Anna", "Arnsberg"))
    clock.set(now)

    status, page = page_of(client, token, "en")
    posted = client.post(DECLINE_PATH, data={"token": token, "lang": "de", "action": "decline"})

    assert status == 410 and "This link has expired" in page
    assert posted.status_code == 410 and "Dieser Link ist abgelaufen" in posted.get_data(
        as_text=True
    )
    assert declined_names(roster(team, history))["Anna"] is False


def test_a_link_still_in_its_window_works(
    team: ApiClient, client: FlaskClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    now = clock.now()
    clock.set(now - DECLINE_WINDOW + timedelta(minutes=1))
    token = services.links.decline_token(link_for(history, "Anna", "Arnsberg"))
    clock.set(now)

    assert page_of(client, token)[0] == 200


def test_a_tampered_or_foreign_link_is_refused(
    team: ApiClient, client: FlaskClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    token = services.links.decline_token(link_for(history, "Anna", "Arnsberg"))
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    foreign = services.links.confirmation_token(ConfirmationLink(UUID(int=5), 1))

    for bad in (tampered, foreign, ""):
        status, page = page_of(client, bad, "en")
        assert status == 400 and "This link is not valid" in page
        posted = client.post(DECLINE_PATH, data={"token": bad, "action": "decline"})
        assert posted.status_code == 400
    assert declined_names(roster(team, history))["Anna"] is False


def test_the_link_of_a_meeting_that_took_place_says_it_is_too_late(
    team: ApiClient, client: FlaskClient, clock: FakeClock, services: Services
) -> None:
    history = build_history(team, clock)
    token = services.links.decline_token(link_for(history, "Anna", "Arnsberg", "kickoff"))

    posted = client.post(DECLINE_PATH, data={"token": token, "lang": "en", "action": "decline"})

    assert posted.status_code == 409 and "can no longer be declined" in posted.get_data(
        as_text=True
    )
    clock.set(datetime(2030, 1, 1, tzinfo=UTC))
    assert page_of(client, token)[0] == 410
