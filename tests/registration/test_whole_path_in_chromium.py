"""The whole path in Chromium against the real server and a real SMTP server on loopback:
the form, the confirmation mail, its link and button, the team's acceptance over the API, and
the "admitted" mail with the planned meetings as .ics, and the self-service link from that
mail changing the language, so the next reminder comes in English."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.e2e.server import serving
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.waiting import wait_until
from tests.web.test_browser import browser  # noqa: F401  (the module's Chromium fixture)

TOKEN = "registration-path-team-token-0000"
BERLIN = ZoneInfo("Europe/Berlin")
CONTACT = "greta.gruender@gruenberg.example"
AHEAD = timedelta(days=21)  # the kick-off's distance, and the one reminder's offset


def announce(url: str) -> str:
    today = datetime.now(BERLIN).date()
    response = requests.post(
        f"{url}/peer-learnings",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={
            "title": "Offene Daten im Quartier",
            "host": "Stadt Ulm",
            "summary": "Wie Quartiere ihre Daten teilen.",
            "scope": "thematic",
            "format": "virtual",
            "starts_on": (today + timedelta(days=20)).isoformat(),
            "ends_on": (today + timedelta(days=200)).isoformat(),
            "planned_meetings": 3,
            "contact_email": "daten@ulm.example",
        },
        timeout=30,
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def welcome(sink: SmtpSink) -> Any:
    found = [m for m in sink.to(CONTACT) if str(m["Subject"]).startswith("Sie sind dabei")]
    return found[0] if found else None


def self_service_link(text: str) -> str:
    [link] = re.findall(r"verlassen:\s+(\S+)", text)
    return str(link)


def schedule_kickoff(team: requests.Session, url: str, series_id: str) -> None:
    """A kick-off whose one reminder falls due a few seconds from now: after the language
    change, and after the contact joined (reminders go only to those there when due)."""
    starts = (datetime.now(BERLIN) + AHEAD + timedelta(seconds=5)).replace(microsecond=0)
    scheduled = team.post(
        f"{url}/peer-learnings/{series_id}/meetings",
        json={
            "kind": "kickoff",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "mode": "virtual",
            "video_url": "https://video.example.org/ulm",
        },
        timeout=30,
    )
    assert scheduled.status_code == 201, scheduled.text


def reminder(sink: SmtpSink) -> Any:
    found = [m for m in sink.to(CONTACT) if m["Content-Language"] == "en"]
    return found[0] if found else None


@pytest.mark.heavy
def test_register_confirm_and_be_accepted(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    sink = SmtpSink().start()
    env = {
        "PEERLEARNING_DATABASE_URL": f"sqlite:///{tmp_path / 'registration.db'}",
        "PEERLEARNING_TOKENS": f"koordination:team:{TOKEN}",
        "PEERLEARNING_SWEEP_SECONDS": "1",
        "PEERLEARNING_FORM_MIN_SECONDS": "0",
        "PEERLEARNING_REMINDER_OFFSETS": f"PT{int(AHEAD.total_seconds()) // 3600}H",
        **sink.env,
    }
    try:
        with serving(env=env) as server:
            series_id = announce(server.url)
            page = browser.new_page(locale="de-DE")
            page.goto(f"{server.url}/catalogue/{series_id}")
            page.get_by_label("Name der Kommune").fill("Gemeinde Grünberg")
            page.get_by_label("Amtlicher Gemeindeschlüssel").fill("06531008")
            contact = page.locator("fieldset", has_text="Ansprechperson")
            contact.get_by_label("Name", exact=True).fill("Greta Gründer")
            contact.get_by_label("E-Mail", exact=True).fill(CONTACT)
            page.get_by_label(re.compile("Ich bin einverstanden")).check()
            page.get_by_role("button", name="Anmeldung absenden").press("Enter")
            page.wait_for_selector("#message")
            assert "Bitte bestätigen Sie" in page.locator("h1").inner_text()

            [mail] = sink.wait_for(1)
            assert CONTACT in str(mail["To"])
            [link] = re.findall(r"https?://\S+", mail.get_content())
            assert link.startswith(server.url)
            page.goto(link)
            page.get_by_role("button", name="Anmeldung bestätigen").click()
            page.wait_for_selector("#message")
            assert "bestätigt" in page.locator("#message").inner_text()

            team = requests.Session()
            team.headers["Authorization"] = f"Bearer {TOKEN}"
            [confirmed] = team.get(f"{server.url}/registrations?state=confirmed", timeout=30).json()
            accepted = team.post(
                f"{server.url}/registrations/{confirmed['registration_id']}/accept", timeout=30
            )
            assert accepted.status_code == 200, accepted.text
            assert accepted.json()["status"] == "admitted"
            roster = team.get(f"{server.url}/enrollments/{accepted.json()['enrollment_id']}")
            assert [p["email"] for p in roster.json()["participants"]] == [CONTACT]

            wait_until(lambda: welcome(sink) is not None, 30, "the admitted mail")
            admitted = welcome(sink)
            assert admitted is not None
            [ics] = list(admitted.iter_attachments())
            assert ics.get_content_type() == "text/calendar"
            text = admitted.get_body(("plain",)).get_content()
            assert f"/peer-learnings/{series_id}/calendar.ics" in text

            settings_link = self_service_link(text)
            assert settings_link.startswith(f"{server.url}/teilnahme/einstellungen?token=")
            page.goto(settings_link)
            assert page.locator("#email").inner_text() == CONTACT
            settings = page.locator("form#settings")
            settings.get_by_label("Sprache").select_option("en")
            settings.get_by_role("button", name="Speichern").click()
            page.wait_for_selector("#message")
            assert page.locator("#message").inner_text() == "Your settings are saved."

            schedule_kickoff(team, server.url, series_id)
            wait_until(lambda: reminder(sink) is not None, 60, "the reminder")
            mail = reminder(sink)
            assert mail is not None
            assert mail["Content-Language"] == "en"
            assert str(mail["Subject"]).startswith("Reminder: Offene Daten im Quartier")
            assert "Your details and settings" in mail.get_body(("plain",)).get_content()
    finally:
        sink.stop()
