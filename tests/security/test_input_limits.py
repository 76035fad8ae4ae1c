"""Oversized, malformed and odd input: each a clear 4xx problem, never a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.api.client import PROBLEM, ApiClient, announce_body, enrol_body, meeting_body
from tests.security.world import World

LONG = "x" * 20_000
NAIVE = "2024-10-08T10:00:00"
MARKUP_EMAIL = 'x"><script>alert(1)</script>@evil.example'
ELEVEN_OFFSETS = [f"P{days}D" for days in range(1, 12)]
FIFTY_ONE = [f"Thema {n}" for n in range(51)]


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
    # Days and moments outside 2000-01-01..2199-12-31, in query strings too.
    ("GET", "/peer-learnings?on=0001-01-01", None, 422, "on"),
    ("GET", "/peer-learnings?on=1999-12-31", None, 422, "2000-01-01"),
    ("GET", "/peer-learnings?on=2200-01-01", None, 422, "2199-12-31"),
    ("GET", "/peer-learnings/{peer_learning_id}?on=0001-01-01", None, 422, "on"),
    ("GET", "/peer-learnings?as_of=9999-12-31T23:59:59Z", None, 422, "as_of"),
    ("GET", "/peer-learnings?as_of=1999-12-31T23:59:59Z", None, 422, "2000-01-01"),
    ("GET", "/peer-learnings/{peer_learning_id}?as_of=9999-12-31T23:59:59Z", None, 422, "as_of"),
    (
        "GET",
        "/peer-learnings/{peer_learning_id}?as_of=0001-01-01T00:00:00+01:00",
        None,
        422,
        "as_of",
    ),
    ("POST", "/peer-learnings", announce_body(starts_on="1999-12-31"), 422, "starts_on"),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(starts_at="2200-01-01T10:00:00+00:00", ends_at="2200-01-01T12:00:00+00:00"),
        422,
        "2199-12-31",
    ),
    # Reminder offsets: at most P366D each, at most ten.
    ("POST", "/peer-learnings", announce_body(reminder_offsets=["P1000000000000D"]), 422, "P366D"),
    ("POST", "/peer-learnings", announce_body(reminder_offsets=["P3000000D"]), 422, "P366D"),
    ("POST", "/peer-learnings", announce_body(reminder_offsets=["P367D"]), 422, "P366D"),
    (
        "POST",
        "/peer-learnings",
        announce_body(reminder_offsets=["P" + "9" * 5000 + "D"]),
        422,
        "20",
    ),
    ("POST", "/peer-learnings", announce_body(reminder_offsets=ELEVEN_OFFSETS), 422, "10"),
    ("PATCH", "/peer-learnings/{peer_learning_id}", {"reminder_offsets": ["P53W"]}, 422, "P366D"),
    # Integers within their ranges and 64 bits; lists of bounded length.
    ("POST", "/peer-learnings", announce_body(planned_meetings=101), 422, "between 1 and 100"),
    ("POST", "/peer-learnings", announce_body(capacity=10001), 422, "between 1 and 10000"),
    ("POST", "/peer-learnings", announce_body(topics=FIFTY_ONE), 422, "topics"),
    ("GET", f"/peer-learnings/{{peer_learning_id}}?version={2**63}", None, 422, "version"),
    ("GET", f"/audit/events?after={2**63}", None, 422, "after"),
    # One line wherever a value becomes a mail header or a calendar property.
    ("POST", "/peer-learnings", announce_body(title="Erste\nZweite"), 422, "one line"),
    ("POST", "/peer-learnings", announce_body(host="Stadt\nBcc: x"), 422, "host"),
    ("POST", "/peer-learnings", announce_body(topics=["Klima\nanpassung"]), 422, "topics"),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(title="Auftakt\nBcc: x"),
        422,
        "title",
    ),
    (
        "POST",
        "/enrollments/{enrollment_id}/participants",
        {"name": "Tom\nBcc: victim@example.org", "email": "tom@b.example"},
        422,
        "one line",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/enrollments",
        enrol_body("Stadt\nArnsberg"),
        422,
        "name",
    ),
    # Only http(s) links, the scheme in any case; addresses read by a real parser.
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(video_url="javascript:alert(1)"),
        422,
        "video_url",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/meetings",
        meeting(video_url="JAVASCRIPT:alert(1)"),
        422,
        "https://",
    ),
    ("POST", "/peer-learnings", announce_body(agenda_url="JavaScript:alert(1)"), 422, "agenda"),
    ("POST", "/peer-learnings", announce_body(contact_email=MARKUP_EMAIL), 422, "contact_email"),
    (
        "POST",
        "/enrollments/{enrollment_id}/participants",
        {"name": "Ida", "email": MARKUP_EMAIL},
        422,
        "not a valid e-mail",
    ),
    (
        "POST",
        "/peer-learnings/{peer_learning_id}/enrollments",
        {**enrol_body("Stadt Olpe"), "contact": {"name": "Ida", "email": MARKUP_EMAIL}},
        422,
        "email",
    ),
    ("GET", "/calendar.ics?topic=%00", None, 422, "topic"),
    # A time zone name that is a folder of the zone database, not a zone.
    ("POST", "/peer-learnings", announce_body(timezone="Europe"), 422, "Unknown time zone"),
    (
        "POST",
        "/enrollments/{enrollment_id}/participants",
        {"name": "Ida", "email": "ida@olpe.example", "timezone": "Etc"},
        422,
        "Unknown time zone",
    ),
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


def test_the_edges_of_each_bound_are_accepted(team: ApiClient, world: World) -> None:
    series = world.series_id
    reads = [
        "/peer-learnings?on=2000-01-01",
        "/peer-learnings?on=2199-12-31",
        f"/peer-learnings/{series}?on=2199-12-31",
        "/peer-learnings?as_of=2000-01-01T00:00:00Z",
        "/peer-learnings?as_of=2199-12-31T23:59:59Z",
        f"/peer-learnings/{series}?as_of=2199-12-31T23:59:59-12:00",
        f"/audit/events?after={2**63 - 1}",
        "/calendar.ics?topic=" + "t" * 100,
    ]
    announced = team.post(
        "/peer-learnings",
        announce_body(
            starts_on="2000-01-01",
            ends_on="2199-12-31",
            planned_meetings=100,
            capacity=10000,
            topics=[f"Thema {n}" for n in range(50)],
            agenda_url="HTTPS://Example.org/Agenda",
            reminder_offsets=[*ELEVEN_OFFSETS[:9], "P366D"],
        ),
    )
    scheduled = team.post(
        f"/peer-learnings/{announced.json['id']}/meetings",
        meeting(video_url="HtTpS://video.example.org/room", title="Auftakt – „Zukunft“"),
    )

    assert [(path, team.get(path).status_code) for path in reads] == [(p, 200) for p in reads]
    assert announced.status_code == 201, announced.json
    assert announced.json["reminder_offsets"][-1] == "P366D"
    assert scheduled.status_code == 201, scheduled.json
    assert team.get(f"/peer-learnings/{series}?version={2**63 - 1}").status_code == 404
