"""The real server process over real HTTP: a whole series, then the catalogue."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import requests

from tests.e2e.server import serving

BERLIN = ZoneInfo("Europe/Berlin")
TOKEN = "e2e-team-token-0123456789"


def moment(day: date, hour: int) -> str:
    return datetime.combine(day, time(hour), tzinfo=BERLIN).isoformat()


class Team:
    def __init__(self, url: str) -> None:
        self.url = url
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {TOKEN}"

    def send(self, method: str, path: str, expected: int, **kwargs: Any) -> Any:
        response = self.http.request(method, self.url + path, timeout=30, **kwargs)
        assert response.status_code == expected, (path, response.text)
        return response


def test_a_whole_series_over_real_http(tmp_path: Path) -> None:
    env = {
        "PEERLEARNING_DATABASE_URL": f"sqlite:///{tmp_path / 'peerlearning.db'}",
        "PEERLEARNING_TOKENS": f"koordination:team:{TOKEN}",
    }
    today = datetime.now(BERLIN).date()
    with serving(env=env) as server:
        team = Team(server.url)
        announced = team.send(
            "POST",
            "/peer-learnings",
            201,
            json={
                "title": "Offene Daten im Quartier",
                "host": "Stadt Ulm",
                "summary": "Wie Quartiere ihre Daten teilen.",
                "scope": "thematic",
                "format": "virtual",
                "starts_on": (today - timedelta(days=20)).isoformat(),
                "ends_on": (today + timedelta(days=200)).isoformat(),
                "planned_meetings": 3,
                "contact_email": "daten@ulm.example",
            },
        )
        series = announced.json()["id"]
        kickoff_day = today - timedelta(days=3)
        kickoff = team.send(
            "POST",
            f"/peer-learnings/{series}/meetings",
            201,
            json={
                "kind": "kickoff",
                "starts_at": moment(kickoff_day, 10),
                "ends_at": moment(kickoff_day, 12),
                "mode": "virtual",
                "video_url": "https://video.example.org/ulm",
            },
        ).json()
        enrolment = team.send(
            "POST",
            f"/peer-learnings/{series}/enrollments",
            201,
            json={
                "municipality": {
                    "name": "Gemeinde Dornstadt",
                    "key": "08425031",
                    "state": "BW",
                    "region": "Alb",
                },
                "contact": {"name": "Eva Kontakt", "email": "eva@blaustein.example"},
            },
        ).json()
        assert enrolment["status"] == "admitted"
        team.send(
            "POST",
            f"/enrollments/{enrolment['id']}/participants",
            201,
            json={"name": "Tom Teil", "email": "tom@blaustein.example"},
        )
        held = team.send(
            "POST",
            f"/peer-learnings/{series}/meetings/{kickoff['meeting_id']}/held",
            200,
            json={"attendance": 9},
        )
        assert held.json()["state"] == "held"
        reflected = team.send("POST", f"/peer-learnings/{series}/reflection", 200, json={})
        closed = team.send(
            "POST",
            f"/peer-learnings/{series}/close",
            200,
            headers={"If-Match": reflected.headers["ETag"]},
        )
        assert closed.json()["closed_on"] == today.isoformat()

        catalogue = requests.get(f"{server.url}/peer-learnings", timeout=30).json()

    assert any(
        "Tokens from PEERLEARNING_TOKENS for: koordination (team)." in line
        for line in server.output
    )
    assert not any(TOKEN in line for line in server.output)
    [item] = catalogue["items"]
    assert (item["id"], item["status"], item["municipalities"]) == (series, "closed", 1)
    assert (item["meetings_held"], item["participants"]) == (1, 1)
    assert server.process.returncode == 0


def test_serve_demo_loads_the_catalogue_and_prints_working_tokens(tmp_path: Path) -> None:
    env = {
        "PEERLEARNING_DATABASE_URL": f"sqlite:///{tmp_path / 'demo.db'}",
        "PEERLEARNING_TOKENS": "",
    }
    with serving("--demo", "--no-scheduler", env=env, timeout=120) as server:
        tokens = printed_tokens(server.output)
        page = requests.get(f"{server.url}/", timeout=30)
        catalogue = requests.get(
            f"{server.url}/peer-learnings?on=2024-09-20&per_page=50", timeout=30
        ).json()
        listed = requests.get(
            f"{server.url}/model-projects",
            timeout=30,
            headers={"Authorization": f"Bearer {tokens['pruefung']}"},
        )
        refused = requests.post(
            f"{server.url}/model-projects",
            json={"name": "Stadt Ulm"},
            timeout=30,
            headers={"Authorization": f"Bearer {tokens['pruefung']}"},
        )

    statuses = [item["status"] for item in catalogue["items"]]
    assert (statuses.count("new"), statuses.count("running"), statuses.count("closed")) == (2, 3, 6)
    assert listed.status_code == 200 and listed.json()
    assert refused.status_code == 403
    assert set(tokens) == {"koordination", "pruefung"}
    banner = f"public page {server.url}/, API docs {server.url}/docs"
    assert any(banner in line for line in server.output)  # requests may be logged after it
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")


def printed_tokens(output: list[str]) -> dict[str, str]:
    found = {}
    for line in output:
        name, _, rest = line.strip().partition(" (")
        if rest.startswith(("team): ", "auditor): ")):
            found[name] = rest.split("): ", 1)[1]
    return found
