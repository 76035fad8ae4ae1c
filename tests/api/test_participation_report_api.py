# mypy: disable-error-code="index"
"""The participation report over a hand-counted history, as JSON and as CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from typing import Any

from flask.testing import FlaskClient

from api.report_csv import COLUMNS
from tests.api.client import ApiClient
from tests.api.participation_history import build_history
from tests.support.clock import FakeClock

OCTOBER = "/reports/participation?from=2024-10-01&to=2024-10-31"
AUTUMN = "/reports/participation?from=2024-10-01&to=2024-12-31"


def by_place(report: dict[str, Any]) -> dict[str, tuple[int, int, bool]]:
    return {
        r["municipality"]: (r["meetings_held"], r["meetings_attended"], r["reflection_held"])
        for r in report["rows"]
    }


def test_october_counts_the_kickoff_only(team: ApiClient, clock: FakeClock) -> None:
    build_history(team, clock)

    report = team.get(OCTOBER).json

    assert by_place(report) == {
        "Stadt Arnsberg": (1, 1, False),
        "Stadt Olpe": (1, 0, False),
        "Stadt Kassel": (1, 0, False),
    }
    row = report["rows"][0]
    assert (row["series"], row["host"], row["state"]) == (
        "Wasser in der Stadt",
        "Stadt Wuppertal",
        "Nordrhein-Westfalen",
    )
    assert report["totals"]["per_land"] == [
        {"state": "Hessen", "municipalities": 1, "participants": 0, "attendance_rate": 0.0},
        {
            "state": "Nordrhein-Westfalen",
            "municipalities": 2,
            "participants": 3,
            "attendance_rate": 0.5,
        },
    ]
    (series,) = report["totals"]["per_series"]
    assert (series["municipalities"], series["meetings_held"]) == (3, 1)
    assert series["attendance_rate"] == round(1 / 3, 4)


def test_autumn_counts_the_meeting_with_only_a_head_count_as_held(
    team: ApiClient, clock: FakeClock
) -> None:
    build_history(team, clock)

    report = team.get(AUTUMN).json

    assert by_place(report) == {
        "Stadt Arnsberg": (2, 1, False),
        "Stadt Olpe": (2, 0, False),
        "Stadt Kassel": (2, 0, False),
    }
    assert report["totals"]["per_series"][0]["attendance_rate"] == round(1 / 6, 4)
    assert report["meetings_per_month"] == [
        {"month": "2024-10", "meetings_held": 1},
        {"month": "2024-11", "meetings_held": 1},
    ]


def test_a_withdrawn_municipality_answers_only_for_the_meetings_held_before(
    team: ApiClient, clock: FakeClock
) -> None:
    """Withdrawn on the day it was recorded (today); the kick-off is held long after."""
    series = team.announce(title="Später", starts_on=date(2090, 1, 1), ends_on=None).json
    kickoff = team.schedule(series["id"], "kickoff", date(2090, 2, 6)).json["meeting_id"]
    team.enrol(series["id"], "Stadt Arnsberg", key="05958004")
    olpe = team.enrol(series["id"], "Stadt Olpe", key="05966024").json["id"]
    assert team.post(f"/enrollments/{olpe}/withdraw", {"reason": "keine Zeit"}).status_code == 200
    clock.set(datetime(2090, 2, 7, 9, 0, tzinfo=UTC))
    held = team.post(f"/peer-learnings/{series['id']}/meetings/{kickoff}/held", {})
    assert held.status_code == 200

    report = team.get("/reports/participation?from=2090-01-01&to=2090-12-31").json

    assert by_place(report) == {"Stadt Arnsberg": (1, 0, False), "Stadt Olpe": (0, 0, False)}
    assert report["totals"]["per_series"][0]["meetings_held"] == 1


def test_a_period_before_the_series_has_no_rows(team: ApiClient, clock: FakeClock) -> None:
    build_history(team, clock)

    report = team.get("/reports/participation?from=2023-01-01&to=2023-12-31").json

    assert report["rows"] == [] and report["meetings_per_month"] == []
    assert report["totals"] == {"per_land": [], "per_series": []}


def test_the_csv_opens_in_a_german_spreadsheet(
    team: ApiClient, auditor: ApiClient, clock: FakeClock
) -> None:
    history = build_history(team, clock)

    by_header = team.get(OCTOBER, headers={"Accept": "text/csv"})
    by_format = auditor.get(OCTOBER + "&format=csv")

    assert by_header.data == by_format.data
    assert by_header.mimetype == "text/csv"
    raw = by_header.data
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == [header for _, header in COLUMNS]
    assert table[0][:4] == ["Reihen-ID", "Peer-Learning", "Gastgeber", "Kommune"]
    rows = {r[3]: r for r in table[1:]}
    assert set(rows) == {"Stadt Arnsberg", "Stadt Olpe", "Stadt Kassel"}
    arnsberg = rows["Stadt Arnsberg"]
    assert arnsberg[0] == history.series_id
    assert arnsberg[4:] == ["05958004", "Nordrhein-Westfalen", arnsberg[6], "1", "1", "nein"]
    day, month, year = arnsberg[6].split(".")
    assert (len(day), len(month), len(year)) == (2, 2, 4)
    json_day = team.get(OCTOBER).json["rows"][0]["admitted_on"]
    assert f"{year}-{month}-{day}" == json_day


def test_the_period_is_checked_at_the_boundary(team: ApiClient, client: FlaskClient) -> None:
    backwards = team.get("/reports/participation?from=2024-10-31&to=2024-10-01")
    outside = team.get("/reports/participation?from=1999-12-31&to=2024-10-01")
    missing = team.get("/reports/participation?from=2024-10-01")

    assert [a.status_code for a in (backwards, outside, missing)] == [422, 422, 422]
    document = client.get("/openapi.json").json
    parameters = document["paths"]["/reports/participation"]["get"]["parameters"]
    start = next(p for p in parameters if p["name"] == "from")
    assert start["required"] is True and start["schema"]["pattern"].startswith("^2[01]")
