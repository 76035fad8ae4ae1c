"""A thin wrapper over Flask's test client that sends a token and builds sample bodies."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.support.keys import key_for
from tests.support.samples import at, series_fields

TEAM = "anna-team-token-0001"
AUDITOR = "paul-audit-token-0002"
TOKENS = f"anna:team:{TEAM},paul:auditor:{AUDITOR}"
PROBLEM = "application/problem+json"


def announce_body(**overrides: Any) -> dict[str, Any]:
    fields = series_fields(**overrides)
    for name in ("starts_on", "ends_on"):
        if isinstance(fields.get(name), date):
            fields[name] = fields[name].isoformat()
    return fields


def meeting_body(kind: str, day: date, start: int = 10, end: int = 12, **extra: Any) -> dict:
    return {
        "kind": kind,
        "starts_at": at(day, start).isoformat(),
        "ends_at": at(day, end).isoformat(),
        "mode": "virtual",
        "video_url": "https://video.example.org/room",
        **extra,
    }


def enrol_body(name: str = "Stadt Arnsberg", **municipality: Any) -> dict[str, Any]:
    return {
        "municipality": {
            "name": name,
            "key": key_for(name),
            "state": "NRW",
            "region": "Südwestfalen",
            **municipality,
        },
        "contact": {"name": "Petra Kontakt", "email": "petra@arnsberg.example"},
    }


# The district keys of Südwestfalen: Hochsauerlandkreis, Märkischer Kreis, Olpe, Siegen-Wittgenstein
# and Soest.
SUEDWESTFALEN = ("05958", "05962", "05966", "05970", "05974")


class ApiClient:
    def __init__(self, client: FlaskClient, token: str | None) -> None:
        self.client = client
        self.token = token

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return {**headers, **(extra or {})}

    def call(self, method: str, path: str, json: Any = None, **kwargs: Any) -> TestResponse:
        headers = self.headers(kwargs.pop("headers", None))
        if json is not None:
            kwargs["json"] = json
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> TestResponse:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> TestResponse:
        return self.call("POST", path, json, **kwargs)

    def put(self, path: str, json: Any = None, **kwargs: Any) -> TestResponse:
        return self.call("PUT", path, json, **kwargs)

    def patch(self, path: str, json: Any = None, **kwargs: Any) -> TestResponse:
        return self.call("PATCH", path, json, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> TestResponse:
        return self.call("DELETE", path, **kwargs)

    def add_region(
        self, name: str = "Südwestfalen", keys: tuple[str, ...] = SUEDWESTFALEN
    ) -> TestResponse:
        response = self.post("/regions", {"name": name, "keys": list(keys)})
        assert response.status_code == 201, response.json
        return response

    def announce(self, **overrides: Any) -> TestResponse:
        response = self.post("/peer-learnings", announce_body(**overrides))
        assert response.status_code == 201, response.json
        return response

    def schedule(self, series_id: str, kind: str, day: date, **extra: Any) -> TestResponse:
        body = meeting_body(kind, day, **extra)
        response = self.post(f"/peer-learnings/{series_id}/meetings", body)
        assert response.status_code == 201, response.json
        return response

    def enrol(self, series_id: str, name: str = "Stadt Arnsberg", **extra: Any) -> TestResponse:
        response = self.post(f"/peer-learnings/{series_id}/enrollments", enrol_body(name, **extra))
        assert response.status_code == 201, response.json
        return response
