"""The public catalogue page, read back from the real Flask app over the demo catalogue."""

from __future__ import annotations

from uuid import uuid4

from flask.testing import FlaskClient

from peerlearning.bootstrap import Services
from tests.demo.seed import CLOSED, NEW, RUNNING
from tests.web.conftest import personal_data
from tests.web.html import PageReader

SEED = "/?on=2024-09-20"


def read(client: FlaskClient, url: str, **headers: str) -> PageReader:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.data[:300]
    return PageReader(response.get_data(as_text=True))


def test_the_seed_day_shows_the_three_sections_of_the_page(client: FlaskClient) -> None:
    page = read(client, SEED)
    assert page.lang == "de"
    assert page.sections["new"] == NEW
    assert set(page.sections["running"]) == RUNNING and len(page.sections["running"]) == 3
    assert set(page.sections["closed"]) == CLOSED and len(page.sections["closed"]) == 6
    assert "withdrawn" not in page.sections


def test_german_by_default_english_on_request(client: FlaskClient) -> None:
    german = client.get(SEED).get_data(as_text=True)
    assert "Ein Einstieg ist in der Regel noch möglich." in german
    assert "jeweils 10:00–12:00 Uhr" in german and "jeweils 14:00–16:00 Uhr" in german
    assert "6 Treffen, jeweils 10:00–12:00 Uhr" in german
    assert "Di., 1. Okt. 2024, 10:00 Uhr" in german
    assert "Oktober 2024\u2009–\u2009August 2025" in german  # CLDR's range of months
    english = client.get(SEED + "&lang=en").get_data(as_text=True)
    assert 'lang="en"' in english and "Joining is usually still possible." in english
    assert "6 meetings, each 10:00–12:00" in english and "Tue, 1 Oct 2024, 10:00" in english
    assert read(client, SEED, **{"Accept-Language": "en-GB,en;q=0.8"}).lang == "en"
    assert read(client, SEED, **{"Accept-Language": "de-DE,en;q=0.5"}).lang == "de"
    assert read(client, SEED + "&lang=de", **{"Accept-Language": "en"}).lang == "de"


def test_filters_narrow_the_list(client: FlaskClient) -> None:
    by_topic = read(client, SEED + "&topic=Geodaten")
    assert sum(by_topic.sections.values(), []) == [
        "Kommunale Geodateninfrastrukturen (GDI) und Geodatenmanagement"
    ]
    by_region = read(client, SEED + "&region=Südwestfalen")
    assert sum(by_region.sections.values(), []) == ["Smart Cities: Schule"]
    hybrid = sum(read(client, SEED + "&format=hybrid").sections.values(), [])
    assert 0 < len(hybrid) < 11 and "Smart Cities: Schule" in hybrid


def test_the_form_is_labelled_and_the_page_needs_no_script(client: FlaskClient) -> None:
    page = read(client, SEED)
    assert page.field_ids and set(page.field_ids) <= page.label_targets
    assert {"main", "header", "footer", "h1", "h2", "h3", "form"} <= page.tags
    assert "script" not in page.tags


def test_the_date_shows_the_programme_as_it_stood(client: FlaskClient) -> None:
    early = read(client, "/?on=2023-04-20")
    assert set(early.sections["running"]) == {
        "Werkzeugkasten für die Auswahl von Digitalisierungsprojekten",
        "Smart City Innovation Unit Bochum",
    }
    assert "Smart Cities: Schule" in early.sections["new"] and early.sections["closed"] == []
    bad = client.get("/?on=20.09.2024")
    assert bad.status_code == 400 and "JJJJ-MM-TT" in bad.get_data(as_text=True)


def detail_url(demo: Services, title: str) -> str:
    items, _ = demo.views.catalogue(on=demo.app.clock.now().date(), q=title)
    [item] = [i for i in items if i["title"] == title]
    return f"/catalogue/{item['id']}?on=2024-09-20"


def test_a_detail_page_shows_meetings_agenda_and_how_to_register(
    client: FlaskClient, demo: Services
) -> None:
    wuppertal = client.get(detail_url(demo, NEW[0])).get_data(as_text=True)
    page = PageReader(wuppertal)
    assert page.meeting_states == ["scheduled"] * 6  # on 2024-09-20 none had been held yet
    assert "https://example.org/peer-learnings/digitale-zwillinge/agenda" in page.links
    assert not [link for link in page.links if link.startswith("mailto:")]
    assert "Anmeldung" in wuppertal and "startsmart@example.org" not in wuppertal
    assert "hat stattgefunden" not in wuppertal and "Auftakttreffen" in wuppertal
    today = client.get(detail_url(demo, NEW[0]).split("?")[0]).get_data(as_text=True)
    assert PageReader(today).meeting_states == ["held"] * 6 and "hat stattgefunden" in today
    school = read(client, detail_url(demo, "Smart Cities: Schule").split("?")[0])
    assert {"held", "cancelled", "rescheduled", "scheduled"} <= set(school.meeting_states)
    # the demo moved and cancelled its meetings when it was loaded, long after 2024-09-20
    school_then = read(client, detail_url(demo, "Smart Cities: Schule"))
    assert set(school_then.meeting_states) == {"held", "scheduled"}
    assert client.get(f"/catalogue/{uuid4()}").status_code == 404


def test_no_personal_data_on_any_page(client: FlaskClient, demo: Services) -> None:
    secrets = personal_data(demo)
    assert len(secrets) > 40
    items, _ = demo.views.catalogue(on=demo.app.clock.now().date(), per_page=100)
    urls = [SEED, SEED + "&lang=en", "/"] + [f"/catalogue/{i['id']}" for i in items]
    for url in urls:
        text = client.get(url).get_data(as_text=True)
        leaked = [s for s in secrets if s in text]
        assert not leaked, (url, leaked)
