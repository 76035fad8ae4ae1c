"""Many clients at once against the real server: conflicts are 409, never 500 or lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from tests.e2e.server import serving
from tests.support.keys import key_for

TOKEN = "e2e-team-token-concurrency"
HEADERS = {"Authorization": f"Bearer {TOKEN}"}


def announce(url: str) -> str:
    today = datetime.now(ZoneInfo("Europe/Berlin")).date()
    response = requests.post(
        f"{url}/peer-learnings",
        headers=HEADERS,
        timeout=30,
        json={
            "title": "Gleichzeitig",
            "host": "Stadt Ulm",
            "summary": "Viele auf einmal.",
            "scope": "thematic",
            "format": "virtual",
            "planned_meetings": 4,
            "starts_on": (today + timedelta(days=30)).isoformat(),
            "capacity": 5,
            "contact_email": "ulm@example.org",
        },
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def enrol(url: str, series: str, number: int) -> int:
    response = requests.post(
        f"{url}/peer-learnings/{series}/enrollments",
        headers=HEADERS,
        timeout=60,
        json={
            "municipality": {
                "name": f"Gemeinde {number:02d}",
                "key": key_for(f"Gemeinde {number:02d}"),
            },
            "contact": {"name": "Kim Kontakt", "email": f"kim{number}@example.org"},
        },
    )
    assert response.status_code in (201, 409, 503), response.text
    return response.status_code


@pytest.mark.heavy
def test_concurrent_enrolments_are_admitted_or_refused_never_lost(tmp_path: Path) -> None:
    env = {
        "PEERLEARNING_DATABASE_URL": f"sqlite:///{tmp_path / 'busy.db'}",
        "PEERLEARNING_TOKENS": f"koordination:team:{TOKEN}",
    }
    with serving("--no-scheduler", env=env) as server:
        series = announce(server.url)
        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = list(pool.map(lambda n: enrol(server.url, series, n), range(24)))
        roster = requests.get(
            f"{server.url}/peer-learnings/{series}/enrollments", headers=HEADERS, timeout=30
        ).json()
        detail = requests.get(f"{server.url}/peer-learnings/{series}", timeout=30).json()

    assert codes.count(201) == len(roster) >= 1
    assert detail["municipalities"] == min(5, len(roster))
    assert detail["municipalities"] + detail["waitlisted"] == len(roster)
