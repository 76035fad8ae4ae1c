# mypy: disable-error-code="index"
"""The personal self-service page from a mail: a GET shows and changes nothing; each POST
changes one thing as the person, pseudonymised; the next mails follow the change."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit
from uuid import UUID

import pytest
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from application.links import (
    DECLINE_PATH,
    EMAIL_CHANGE_PATH,
    EMAIL_CHANGE_WINDOW,
    SELF_SERVICE_WINDOW,
    DeclineLink,
    EmailChange,
    PersonLink,
)
from audit.erasure import erase_subject
from domain.enrollment import Enrollment
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app
from scheduler.service import ReminderService
from scheduler.settings import ReminderSettings
from tests.scheduler.scenario import P7D_DUE, Scenario, email_of
from tests.scheduler.smtp_sink import SmtpSink
from tests.scheduler.test_registration_mails import confirmed
from tests.support.clock import FakeClock
from tests.support.samples import announce
from web.self_service import SMTP

PATH = "/teilnahme/einstellungen"


@pytest.fixture
def client(services: Services, settings: ReminderSettings) -> FlaskClient:
    config = {"TESTING": True, SMTP: settings.smtp}
    return create_app(config, services=services).test_client()


def token_for(services: Services, scenario: Scenario, name: str) -> str:
    link = PersonLink(scenario.enrollment_id, scenario.people[name])
    url = urlsplit(services.links.self_service_url(link))
    return url.query.removeprefix("token=")


def events(services: Services, enrollment_id: UUID) -> list[object]:
    return list(services.app.repository.event_store.get(enrollment_id))


def post(client: FlaskClient, token: str, **form: str) -> TestResponse:
    return client.post(PATH, data={"token": token, **form})


def test_the_page_shows_the_person_and_a_get_changes_nothing(
    scenario: Scenario, services: Services, client: FlaskClient
) -> None:
    scenario.join("Eva", timezone="Europe/Lisbon")
    token = token_for(services, scenario, "Eva")
    before = len(events(services, scenario.enrollment_id))

    shown = client.get(f"{PATH}?token={token}&action=leave&locale=en")

    assert shown.status_code == 200
    page = shown.get_data(as_text=True)
    assert '<dd id="name">Eva</dd>' in page
    assert '<dd id="email">eva@example.org</dd>' in page
    assert 'data-locale="de"' in page
    assert '<dd id="timezone">Europe/Lisbon</dd>' in page
    assert len(events(services, scenario.enrollment_id)) == before


def test_a_language_change_is_an_event_of_the_person_and_the_next_reminder_follows_it(
    scenario: Scenario,
    services: Services,
    client: FlaskClient,
    mails: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
) -> None:
    eva = scenario.join("Eva")
    scenario.schedule_kickoff()
    token = token_for(services, scenario, "Eva")

    answer = post(client, token, action="settings", locale="en", timezone="")

    assert answer.status_code == 200
    assert "Your settings are saved." in answer.get_data(as_text=True)
    [corrected] = [
        e
        for e in events(services, scenario.enrollment_id)
        if isinstance(e, Enrollment.ParticipantCorrected)
    ]
    assert (corrected.participant_id, corrected.locale) == (eva, "en")
    assert re.fullmatch(r"public:[^:]+", corrected.actor)
    assert str(eva) not in corrected.actor
    clock.set(P7D_DUE)
    mails.sweep()
    [mail] = sink.to(email_of("Eva"))
    assert mail["Content-Language"] == "en"
    assert str(mail["Subject"]).startswith("Reminder")


def test_a_time_zone_change_and_a_refused_zone_or_language(
    scenario: Scenario, services: Services, client: FlaskClient
) -> None:
    eva = scenario.join("Eva")
    token = token_for(services, scenario, "Eva")
    before = len(events(services, scenario.enrollment_id))

    for locale, zone in (("fr", ""), ("de", "Mars/Olympus"), ("de", "Europe/Berlin\n")):
        refused = post(client, token, action="settings", locale=locale, timezone=zone)
        assert refused.status_code == 422
        assert 'id="error"' in refused.get_data(as_text=True)
    assert len(events(services, scenario.enrollment_id)) == before

    changed = post(client, token, action="settings", locale="de", timezone="America/New_York")

    assert changed.status_code == 200
    assert services.views.participant(eva)["timezone"] == "America/New_York"
    assert '<dd id="timezone">America/New_York</dd>' in changed.get_data(as_text=True)


def test_leaving_the_series_is_recorded_once_and_ends_the_reminders(
    scenario: Scenario,
    services: Services,
    client: FlaskClient,
    mails: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
) -> None:
    scenario.join("Eva")
    scenario.join("Otto")
    scenario.schedule_kickoff()
    token = token_for(services, scenario, "Eva")

    first, second = post(client, token, action="leave"), post(client, token, action="leave")

    assert (first.status_code, second.status_code) == (200, 200)
    assert 'data-active="false"' in second.get_data(as_text=True)
    left = [
        e
        for e in events(services, scenario.enrollment_id)
        if isinstance(e, Enrollment.ParticipantLeft)
    ]
    assert [e.participant_id for e in left] == [scenario.people["Eva"]]
    assert left[0].actor.startswith("public:")
    clock.set(P7D_DUE)
    mails.sweep()
    assert sink.to(email_of("Eva")) == []
    assert len(sink.to(email_of("Otto"))) == 1


def test_an_altered_link_is_refused_and_an_old_one_has_expired(
    scenario: Scenario, services: Services, client: FlaskClient, clock: FakeClock
) -> None:
    scenario.join("Eva")
    token = token_for(services, scenario, "Eva")
    altered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    before = len(events(services, scenario.enrollment_id))

    assert client.get(f"{PATH}?token={altered}").status_code == 400
    assert post(client, altered, action="leave").status_code == 400
    assert post(client, token, action="unknown").status_code == 400
    clock.advance(SELF_SERVICE_WINDOW + timedelta(minutes=1))
    expired = client.get(f"{PATH}?token={token}&lang=en")
    assert expired.status_code == 410
    assert "This link has expired" in expired.get_data(as_text=True)
    assert post(client, token, action="leave").status_code == 410
    assert len(events(services, scenario.enrollment_id)) == before


def confirmation_link(sink: SmtpSink, address: str) -> str:
    [mail] = sink.to(address)
    [url] = re.findall(r"https?://\S+", mail.get_content())
    found = urlsplit(url)
    assert found.path == EMAIL_CHANGE_PATH
    return found.query.removeprefix("token=")


def test_a_new_address_counts_only_once_confirmed_from_it(
    scenario: Scenario,
    services: Services,
    client: FlaskClient,
    sink: SmtpSink,
    clock: FakeClock,
) -> None:
    eva = scenario.join("Eva")
    token = token_for(services, scenario, "Eva")
    assert post(client, token, action="email", email="not an address").status_code == 422

    asked = post(client, token, action="email", email="eva@new.example")

    assert asked.status_code == 200
    confirm = confirmation_link(sink, "eva@new.example")
    assert services.views.participant(eva)["email"] == "eva@example.org"
    assert client.get(f"{EMAIL_CHANGE_PATH}?token={confirm}").status_code == 200
    assert services.views.participant(eva)["email"] == "eva@example.org"  # a GET changes nothing
    altered = client.post(EMAIL_CHANGE_PATH, data={"token": confirm[:-3] + "xyz"})
    assert altered.status_code == 400

    confirmed = client.post(EMAIL_CHANGE_PATH, data={"token": confirm})

    assert confirmed.status_code == 200
    assert services.views.participant(eva)["email"] == "eva@new.example"
    [corrected] = [
        e
        for e in events(services, scenario.enrollment_id)
        if isinstance(e, Enrollment.ParticipantCorrected)
    ]
    assert corrected.actor.startswith("public:")
    clock.advance(EMAIL_CHANGE_WINDOW + timedelta(minutes=1))
    assert client.post(EMAIL_CHANGE_PATH, data={"token": confirm}).status_code == 410


def test_an_older_address_link_cannot_undo_a_newer_change(
    scenario: Scenario, services: Services, client: FlaskClient, sink: SmtpSink
) -> None:
    eva = scenario.join("Eva")
    token = token_for(services, scenario, "Eva")
    post(client, token, action="email", email="eva@a.example")
    first = confirmation_link(sink, "eva@a.example")
    assert client.post(EMAIL_CHANGE_PATH, data={"token": first}).status_code == 200
    post(client, token, action="email", email="eva@b.example")
    second = confirmation_link(sink, "eva@b.example")
    assert client.post(EMAIL_CHANGE_PATH, data={"token": second}).status_code == 200
    before = len(events(services, scenario.enrollment_id))

    again = client.post(EMAIL_CHANGE_PATH, data={"token": first, "lang": "en"})

    assert again.status_code == 409
    assert "changed since this link was sent" in again.get_data(as_text=True)
    assert services.views.participant(eva)["email"] == "eva@b.example"
    assert len(events(services, scenario.enrollment_id)) == before
    assert client.post(EMAIL_CHANGE_PATH, data={"token": second}).status_code == 200
    assert len(events(services, scenario.enrollment_id)) == before


def test_an_address_link_signed_before_links_named_the_old_address_still_confirms(
    scenario: Scenario, services: Services, client: FlaskClient
) -> None:
    eva = scenario.join("Eva")
    change = EmailChange(scenario.enrollment_id, eva, "eva@new.example")
    token = urlsplit(services.links.email_change_url(change)).query.removeprefix("token=")

    assert client.post(EMAIL_CHANGE_PATH, data={"token": token}).status_code == 200
    assert services.views.participant(eva)["email"] == "eva@new.example"


def test_a_mail_server_that_does_not_answer_changes_nothing_and_says_so(
    scenario: Scenario, services: Services, sink: SmtpSink
) -> None:
    eva = scenario.join("Eva")
    token = token_for(services, scenario, "Eva")
    sink.stop()
    smtp = ReminderSettings().smtp.__class__(host="127.0.0.1", port=sink.port, timeout=2.0)
    client = create_app({"TESTING": True, SMTP: smtp}, services=services).test_client()

    answer = post(client, token, action="email", email="eva@new.example")

    assert answer.status_code == 503
    assert services.views.participant(eva)["email"] == "eva@example.org"


def registered_municipality(services: Services) -> tuple[UUID, UUID, UUID]:
    """An enrolment from a registration: its contact Ole also takes part, with Pia."""
    series_id = announce(services.app)
    registration_id = confirmed(services, series_id, "de", "Ortheim")
    enrollment_id, _ = services.app.accept_registration(registration_id, actor="anna")
    registration = services.app.registration(registration_id)
    return (
        UUID(str(enrollment_id)),
        registration.contact.participant_id,
        registration.participants[0].participant_id,
    )


def test_the_contact_adds_and_removes_participants_of_their_municipality(
    services: Services, client: FlaskClient
) -> None:
    enrollment_id, ole, pia = registered_municipality(services)
    token = services.links.self_service_url(PersonLink(enrollment_id, ole)).split("token=")[1]
    pias = services.links.self_service_url(PersonLink(enrollment_id, pia)).split("token=")[1]
    assert f'data-participant="{pia}"' in client.get(f"{PATH}?token={token}").get_data(as_text=True)
    assert 'id="add"' not in client.get(f"{PATH}?token={pias}").get_data(as_text=True)
    assert post(client, pias, action="remove", participant=str(ole)).status_code == 409

    added = post(
        client, token, action="add", name="Udo Neu", email="udo@ortheim.example", locale="en"
    )
    twice = post(client, token, action="add", name="Udo", email="udo@ortheim.example", locale="de")
    removed = post(client, token, action="remove", participant=str(pia))
    stranger = post(client, token, action="remove", participant=str(enrollment_id))

    assert (added.status_code, twice.status_code) == (200, 422)
    assert (removed.status_code, stranger.status_code) == (200, 422)
    people = services.views.enrollment(enrollment_id)["participants"]
    active = {p["email"]: p["locale"] for p in people if p["left_at"] is None}
    assert active == {"ole.de@ortheim.example": "de", "udo@ortheim.example": "en"}
    changes = [
        e
        for e in events(services, enrollment_id)
        if isinstance(e, Enrollment.ParticipantJoined | Enrollment.ParticipantLeft)
    ][-2:]
    assert {type(e).__name__ for e in changes} == {"ParticipantJoined", "ParticipantLeft"}
    assert all(e.actor.startswith("public:") for e in changes)


def test_the_contacts_new_address_is_also_the_enrolments_contact_address(
    services: Services, client: FlaskClient, sink: SmtpSink
) -> None:
    enrollment_id, ole, _ = registered_municipality(services)
    token = services.links.self_service_url(PersonLink(enrollment_id, ole)).split("token=")[1]

    post(client, token, action="email", email="ole@neu.example")
    client.post(EMAIL_CHANGE_PATH, data={"token": confirmation_link(sink, "ole@neu.example")})

    enrollment = services.views.enrollment(enrollment_id)
    assert enrollment["contact"]["email"] == "ole@neu.example"
    assert services.views.participant(ole)["email"] == "ole@neu.example"


def test_the_links_of_a_person_whose_data_were_erased_answer_410_and_do_nothing(
    scenario: Scenario, services: Services, client: FlaskClient, sink: SmtpSink
) -> None:
    scenario.join("Eva")
    kickoff = scenario.schedule_kickoff()
    eva = scenario.people["Eva"]
    token = token_for(services, scenario, "Eva")
    decline = DeclineLink(scenario.series_id, scenario.enrollment_id, eva, kickoff)
    change = EmailChange(scenario.enrollment_id, eva, "eva.neu@example.org")
    address = urlsplit(services.links.email_change_url(change)).query.removeprefix("token=")
    erase_subject(services.app, services.audit.keys, eva, actor="anna")
    before = len(events(services, scenario.enrollment_id))

    answers = [
        client.get(f"{PATH}?token={token}&lang=en"),
        post(client, token, action="email", email="neu@example.org"),
        post(client, token, action="leave"),
        client.post(DECLINE_PATH, data={"token": services.links.decline_token(decline)}),
        client.post(EMAIL_CHANGE_PATH, data={"token": address}),
    ]

    assert [a.status_code for a in answers] == [410] * 5
    assert "data of the person it was for have been erased" in answers[0].get_data(as_text=True)
    assert len(events(services, scenario.enrollment_id)) == before
    assert sink.messages == []
