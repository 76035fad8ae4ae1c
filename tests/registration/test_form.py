# mypy: disable-error-code="index, union-attr"
"""The registration form on a series' page: German first, English with lang=en, labels and
errors beside their fields, kept values, the honeypot, the minimum time and the rate limit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from application.links import ConfirmationLink
from peerlearning.bootstrap import Services, bootstrap
from peerlearning.http_app import create_app
from store.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.keys import key_for
from tests.support.samples import announce
from tests.web.html import PageReader


@pytest.fixture
def services(store_url: str, clock: FakeClock) -> Iterator[Services]:
    built = bootstrap(store_settings(store_url), clock=clock)
    yield built
    built.close()


@pytest.fixture
def flask_app(services: Services) -> Flask:
    return create_app({"TESTING": True, "PEERLEARNING_RATE_LIMIT": "off"}, services)


@pytest.fixture
def client(flask_app: Flask) -> FlaskClient:
    return flask_app.test_client()


@pytest.fixture
def series_id(services: Services) -> str:
    return str(announce(services.app))


def stamp_of(page: str) -> str:
    found = re.search(r'name="shown" value="([^"]+)"', page)
    assert found, "the form carries its signed time"
    return found.group(1)


def filled(page: str, **changes: str) -> dict[str, str]:
    form = {
        "lang": "de",
        "shown": stamp_of(page),
        "municipality_name": "Gemeinde Formtreu",
        "key": "05958004",
        "contact_name": "Fiona Formular",
        "contact_email": "fiona@formtreu.example",
        "contact_locale": "de",
        "participant_1_name": "",
        "participant_1_email": "",
        "participant_1_locale": "de",
        "participant_2_name": "",
        "participant_2_email": "",
        "participant_2_locale": "de",
        "homepage": "",
        "consent": "yes",
    }
    return {**form, **changes}


def open_form(client: FlaskClient, series_id: str, lang: str = "de") -> str:
    response = client.get(f"/catalogue/{series_id}?lang={lang}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def send(client: FlaskClient, series_id: str, form: dict[str, str]) -> Any:
    return client.post(f"/catalogue/{series_id}/anmeldung", data=form)


def registrations(services: Services) -> list[dict[str, Any]]:
    return services.views.registrations.list()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("lang", "heading", "button"),
    [("de", "Anmeldung", "Anmeldung absenden"), ("en", "Registration", "Send registration")],
)
def test_the_form_speaks_the_page_language_and_labels_every_field(
    client: FlaskClient, series_id: str, lang: str, heading: str, button: str
) -> None:
    response = client.get(f"/catalogue/{series_id}?lang={lang}")
    page = response.get_data(as_text=True)
    reader = PageReader(page)

    assert f'<h2 id="h-registration">{heading}</h2>' in page and button in page
    assert reader.field_ids and set(reader.field_ids) <= reader.label_targets
    assert "<script" not in page and " style=" not in page
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "script-src" not in policy


def test_errors_stand_beside_their_fields_and_what_was_typed_is_kept(
    client: FlaskClient, services: Services, clock: FakeClock, series_id: str
) -> None:
    page = open_form(client, series_id, "en")
    clock.advance(timedelta(seconds=30))

    response = send(
        client,
        series_id,
        filled(page, lang="en", contact_email="not-an-address", key="123", consent=""),
    )
    answer = response.get_data(as_text=True)

    assert response.status_code == 422 and registrations(services) == []
    assert 'value="Fiona Formular"' in answer and 'value="not-an-address"' in answer
    assert 'aria-describedby="e-contact_email"' in answer
    assert '<span class="error" id="e-contact_email">Please give a valid e-mail address.' in answer
    assert 'id="e-key"' in answer and 'id="e-consent"' in answer
    assert 'id="e-contact_name"' not in answer


def test_a_form_sent_too_fast_is_refused_and_a_later_one_is_taken(
    client: FlaskClient, services: Services, clock: FakeClock, series_id: str
) -> None:
    page = open_form(client, series_id)

    hurried = send(client, series_id, filled(page))
    clock.advance(timedelta(seconds=5))
    unsigned = send(client, series_id, filled(page, shown="forged"))
    taken = send(client, series_id, filled(page))

    assert hurried.status_code == 422 and "sehr schnell" in hurried.get_data(as_text=True)
    assert unsigned.status_code == 422
    assert taken.status_code == 200 and "Postfach" not in taken.get_data(as_text=True)
    assert "Bitte bestätigen Sie" in taken.get_data(as_text=True)
    [row] = registrations(services)
    assert row["state"] == "awaiting-confirmation" and row["municipality_key"] == "05958004"


def test_a_form_kept_open_for_days_is_shown_again_with_what_was_typed(
    client: FlaskClient, services: Services, clock: FakeClock, series_id: str
) -> None:
    page = open_form(client, series_id)
    clock.advance(timedelta(days=3))

    stale = send(client, series_id, filled(page))
    assert stale.status_code == 422 and registrations(services) == []
    assert "sehr lange geöffnet" in stale.get_data(as_text=True)
    assert 'value="Fiona Formular"' in stale.get_data(as_text=True)
    clock.advance(timedelta(seconds=30))

    again = send(client, series_id, filled(stale.get_data(as_text=True)))

    assert again.status_code == 200 and len(registrations(services)) == 1


def test_a_filled_honeypot_is_answered_politely_and_records_nothing(
    client: FlaskClient, services: Services, clock: FakeClock, series_id: str
) -> None:
    page = open_form(client, series_id)
    clock.advance(timedelta(seconds=30))

    response = send(client, series_id, filled(page, homepage="https://spam.example"))

    assert response.status_code == 200
    assert registrations(services) == []


def test_an_ineligible_municipality_is_told_on_the_page(
    client: FlaskClient, services: Services, clock: FakeClock, series_id: str
) -> None:
    services.app.add_model_project("Gemeinde Formtreu", actor="anna", key="05958004")
    page = open_form(client, series_id)
    clock.advance(timedelta(seconds=30))

    response = send(client, series_id, filled(page))

    assert response.status_code == 409
    assert "Modellprojekt" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "words"), [("de", "bereits eine Anmeldung"), ("en", "already under way")]
)
def test_another_contact_for_a_pending_registration_is_told_it_is_under_way(
    client: FlaskClient, services: Services, clock: FakeClock, series_id: str, lang: str, words: str
) -> None:
    page = open_form(client, series_id, lang)
    clock.advance(timedelta(seconds=30))
    assert send(client, series_id, filled(page, lang=lang)).status_code == 200
    before = registrations(services)

    other = filled(page, lang=lang, contact_name="Otto Anders", contact_email="otto@x.example")
    refused = send(client, series_id, other)
    again = send(client, series_id, filled(page, lang=lang, contact_email="FIONA@formtreu.example"))

    answer = refused.get_data(as_text=True)
    assert refused.status_code == 409 and words in answer
    assert "fiona" not in answer.casefold() and "Fiona Formular" not in answer
    assert again.status_code == 200
    assert registrations(services) == before


def test_the_rate_limit_protects_the_form(services: Services, series_id: str) -> None:
    limited = create_app({"TESTING": True, "PEERLEARNING_RATE_LIMIT": "3"}, services)
    client = limited.test_client()
    page = client.get(f"/catalogue/{series_id}").get_data(as_text=True)

    answers = [send(client, series_id, filled(page)).status_code for _ in range(3)]

    assert answers[:2] == [422, 422] and answers[2] == 429


def test_opening_the_confirmation_link_shows_a_button_and_only_its_post_confirms(
    client: FlaskClient, services: Services, series_id: str
) -> None:
    registration_id, _ = services.app.register(
        UUID(series_id),
        {"name": "Gemeinde Formtreu", "key": key_for("Gemeinde Formtreu")},
        {"name": "Fiona Formular", "email": "fiona@formtreu.example", "locale": "en"},
        [],
        "public",
    )
    token = services.links.confirmation_token(ConfirmationLink(registration_id, 1))

    opened = client.get(f"/anmeldung/bestaetigen?token={token}&lang=en")
    opened_again = client.get(f"/anmeldung/bestaetigen?token={token}")
    state_after_opening = services.app.registration(registration_id).state
    confirmed = client.post("/anmeldung/bestaetigen", data={"token": token, "lang": "en"})
    forged = client.get("/anmeldung/bestaetigen?token=forged")

    assert opened.status_code == opened_again.status_code == 200
    assert 'method="post"' in opened.get_data(as_text=True)
    assert "Confirm the registration" in opened.get_data(as_text=True)
    assert state_after_opening == "awaiting-confirmation"
    assert confirmed.status_code == 200 and "confirmed" in confirmed.get_data(as_text=True)
    assert services.app.registration(registration_id).state == "confirmed"
    assert forged.status_code == 400
