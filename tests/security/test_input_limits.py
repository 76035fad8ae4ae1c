"""Oversized, malformed and odd input: each a clear 4xx problem, never a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.api.client import PROBLEM, ApiClient, announce_body, meeting_body
from tests.security.world import World

LONG = "x" * 20_000
NAIVE = "2024-10-08T10:00:00"


def meeting(**changes: Any) -> dict[str, Any]:
    return {**meeting_body("kickoff", date(2024, 10, 8)), **changes}


# (method, path template, body, expected status, field or words the problem names)
CASES: list[tuple[str, str, Any, int, str]] = [
    ("POST", "/peer-learnings", announce_body(title=LONG), 422, "title"),
    ("POST", "/peer-learnings", announce_body(summary="y" * 10_001), 422, "summary"),
    ("POST", "/peer-learnings", announce_body(topics=["z" * 101]), 422, "topics"),
    ("POST", "/peer-learnings", announce_body(title="Null\x00Byte"), 422, "title"),
    ("POST", "/peer-learnings", announce_body(title="Glocke\x07"), 422, "title"),
    ("POST", "/peer-learnings", announce_body(host="\x1b[31mrot"), 422, "host"),
    ("POST", "/peer-learnings", announce_body(title="halb \ud800"), 422, "title"),
    ("POST", "/peer-learnings", announce_body(starts_on="9999-12-31"), 422, "starts_on"),
    ("POST", "/peer-learnings", announce_body(ends_on="1900-01-01"), 422, "ends_on"),
    ("POST", "/peer-learnings", announce_body(planned_meetings=10**40), 422, "between"),
    ("POST", "/peer-learnings", announce_body(capacity=-1), 422, "apacity"),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(starts_at=NAIVE),
        422,
        "starts_at",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(ends_at="2024-10-08T12:00:00"),
        422,
        "ends_at",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(starts_at="9999-12-31T22:00:00+00:00", ends_at="9999-12-31T23:59:59+00:00"),
        422,
        "starts_at",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(starts_at="2024-13-45T10:00:00+02:00"),
        422,
        "starts_at",
    ),
    (
        "PUT",
        "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}",
        {"starts_at": NAIVE, "ends_at": NAIVE},
        422,
        "starts_at",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}/held",
        {"attendance": 10**30},
        422,
        "attendance",
    ),
    (
        "POST",
        "/enrollments/{enrollment_id}/participants",
        {"name": LONG, "email": "a@b.example"},
        422,
        "name",
    ),
    (
        "POST",
        "/enrollments/{enrollment_id}/participants",
        {"name": "Ida\r\nBcc: x", "email": "i@b.example"},
        422,
        "name",
    ),
    (
        "POST",
        "/enrollments/{enrollment_id}/participants",
        {"name": "Ida", "email": "ida@b.example\x00"},
        422,
        "email",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/close",
        {"effective_on": "9999-12-31"},
        422,
        "effective_on",
    ),
    ("GET", "/peer-learnings?page=99999999999999999999999", None, 422, "page"),
    ("GET", "/peer-learnings?page=0", None, 422, "page"),
    ("GET", "/peer-learnings?per_page=100000", None, 422, "per_page"),
    ("GET", "/peer-learnings?on=10000-01-01", None, 422, "on"),
    ("GET", "/peer-learnings?as_of=2024-01-01T00:00:00", None, 422, "as_of"),
    ("GET", "/peer-learnings?q=" + "q" * 201, None, 422, "q"),
    (
        "GET",
        "/peer-learnings/{peer_learning_id}?version=99999999999999999999999",
        None,
        422,
        "version",
    ),
    ("GET", "/audit/events?after=99999999999999999999999", None, 422, "after"),
    ("GET", "/audit/events?limit=1000000", None, 422, "limit"),
    ("GET", "/audit/verify?head_position=99999999999999999999999", None, 422, "head_position"),
    ("GET", "/reminders?limit=99999999999", None, 422, "limit"),
    ("GET", "/calendar.ics?topic=" + "t" * 5000, None, 422, "topic"),
]


def answer_mismatch(team: ApiClient, world: World, case: tuple[str, str, Any, int, str]) -> str:
    method, template, body, status, named = case
    response = team.call(method, world.fill(template), body)
    problem = response.json if response.mimetype == PROBLEM else None
    if response.status_code != status or problem is None:
        return f"{method} {template[:60]}: {response.status_code} {response.mimetype}"
    if named not in str(problem.get("errors", {})) + problem["detail"]:
        return f"{method} {template[:60]}: the problem does not name {named}: {problem}"
    return ""


def test_bad_input_is_a_clear_4xx(team: ApiClient, world: World) -> None:
    mismatches = [answer_mismatch(team, world, case) for case in CASES]

    assert [m for m in mismatches if m] == []


def test_umlauts_and_sharp_s_round_trip(team: ApiClient, world: World) -> None:
    words = "Groß-Umstadt: Übergänge für Ämter, Öffnung & Straßenbäume — „Zukunft“ 😀"
    series = team.announce(title=words, host="Gemeinde Süderlügum", topics=["Daseinsvorsorge ÄÖÜ"])
    enrolment = team.enrol(series.json["id"], name="Stadt Weißenfels")

    read = team.get(f"/peer-learnings/{series.json['id']}").json
    roster = team.get(f"/enrollments/{enrolment.json['id']}").json

    assert (read["title"], read["host"], read["topics"]) == (
        words,
        "Gemeinde Süderlügum",
        ["Daseinsvorsorge ÄÖÜ"],
    )
    assert roster["municipality"]["name"] == "Stadt Weißenfels"
    found = team.get("/peer-learnings?q=straßenbäume").json
    assert [item["id"] for item in found["items"]] == [series.json["id"]]


def test_line_breaks_and_tabs_in_free_text_are_kept(team: ApiClient) -> None:
    summary = "Erste Zeile\nZweite Zeile\tmit Tab"

    series = team.announce(summary=summary)

    assert series.json["summary"] == summary
