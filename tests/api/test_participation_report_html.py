# mypy: disable-error-code="index"
"""The report to send: one German HTML file with SVG charts; its totals equal the CSV's."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from peerlearning.cli import main
from tests.api.client import ApiClient
from tests.api.participation_history import build_history
from tests.support.clock import FakeClock

PERIOD = "from=2024-10-01&to=2024-12-31"
CELLS = re.compile(r"<td[^>]*>(.*?)</td>")


def section(html: str, name: str) -> str:
    found = re.search(rf'<section id="{name}">(.*?)</section>', html, re.DOTALL)
    assert found, name
    return found.group(1)


def table_rows(html: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.DOTALL)
    assert body
    return [CELLS.findall(row) for row in re.findall(r"<tr>(.*?)</tr>", body.group(1))]


def csv_sums(team: ApiClient) -> tuple[int, int]:
    text = team.get(f"/reports/participation?{PERIOD}&format=csv").data.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    return (
        sum(int(r["Treffen gehalten"]) for r in rows),
        sum(int(r["Treffen besucht"]) for r in rows),
    )


def test_the_html_report_has_charts_tables_and_the_csv_totals(
    team: ApiClient, clock: FakeClock
) -> None:
    build_history(team, clock)

    page = team.get(f"/reports/participation.html?{PERIOD}")

    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.data.decode()
    assert '<html lang="de">' in html and "Teilnahmebericht" in html
    assert html.count("<svg") == 3 and "<script" not in html
    assert not re.search(r'(src|href)="https?:', html)  # self-contained: loads nothing
    held = re.search(r'id="summe-gehalten">(\d+)<', html)
    attended = re.search(r'id="summe-besucht">(\d+)<', html)
    assert held and attended
    assert (int(held.group(1)), int(attended.group(1))) == csv_sums(team) == (6, 1)
    assert table_rows(section(html, "laender")) == [
        ["Hessen", "1", "0", "0 %"],
        ["Nordrhein-Westfalen", "2", "3", "25 %"],
    ]
    assert table_rows(section(html, "monate")) == [
        ["Okt. 2024", "1"],
        ["Nov. 2024", "1"],
        ["Dez. 2024", "0"],
    ]
    policy = page.headers["Content-Security-Policy"]
    assert "script-src" not in policy and "default-src 'none'" in policy


def test_the_cli_writes_the_same_report(
    team: ApiClient,
    clock: FakeClock,
    store_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    build_history(team, clock)
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", store_url)
    output = tmp_path / "report.html"

    status = main(["report", "--from", "2024-10-01", "--to", "2024-12-31", "--output", str(output)])

    assert status == 0
    written = output.read_text(encoding="utf-8")
    served = team.get(f"/reports/participation.html?{PERIOD}").data.decode()
    made_on = re.compile(r"erstellt am \d\d\.\d\d\.\d{4}")
    assert made_on.sub("", written) == made_on.sub("", served)


def test_the_cli_refuses_a_period_backwards(tmp_path: Path) -> None:
    output = tmp_path / "report.html"

    status = main(["report", "--from", "2024-12-31", "--to", "2024-10-01", "--output", str(output)])

    assert status == 2 and not output.exists()


def figures(html: str) -> list[str]:
    """The head figures as read: "1 Peer-Learning", "2 gehaltene Treffen"."""
    found = re.findall(r'<li><strong id="zahl-\w+">(\d+)</strong> ([^<]+)</li>', html)
    return [f"{count} {words}" for count, words in found]


def test_the_head_figures_read_in_the_singular_for_one_and_in_the_plural_for_more(
    team: ApiClient, clock: FakeClock
) -> None:
    build_history(team, clock)

    october = team.get("/reports/participation.html?from=2024-10-01&to=2024-10-31").data.decode()
    autumn = team.get(f"/reports/participation.html?{PERIOD}").data.decode()

    assert figures(october) == ["1 Peer-Learning", "3 Kommunen", "1 gehaltenes Treffen"]
    assert figures(autumn) == ["1 Peer-Learning", "3 Kommunen", "2 gehaltene Treffen"]
