"""The demo's participation report in headless Chromium: charts drawn, styles allowed by its
own policy, and a PDF from the print view."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from peerlearning.bootstrap import Services
from tests.web.test_browser import ARTIFACTS, browser  # noqa: F401 (the shared fixture)
from web.participation_report import participation_html
from web.report_views import report_policy

START, END = date(2023, 1, 1), date(2025, 12, 31)


def with_policy(html: str) -> str:
    """The policy the server sends, as a meta element, so a file opened by the browser keeps it
    (frame-ancestors is only honoured as a header)."""
    policy = report_policy(html).replace("; frame-ancestors 'none'", "")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{meta}', 1)


def test_the_report_in_a_real_browser(
    browser: Any,  # noqa: F811
    demo_services: Services,
    tmp_path: Path,
) -> None:
    report = demo_services.views.participation_report(START, END)
    file = tmp_path / "report.html"
    file.write_text(with_policy(participation_html(report, START, END, END)), encoding="utf-8")
    page = browser.new_page(locale="de-DE", viewport={"width": 1100, "height": 900})
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text))

    page.goto(file.as_uri())

    assert page.get_by_role("heading", level=1).inner_text() == "Teilnahmebericht Peer-Learnings"
    charts = page.locator("figure svg")
    assert charts.count() == 3
    for i in range(3):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100
    bar = page.locator("#laender figure svg path[style*='fill: #2f6f9f']").first
    assert bar.evaluate("e => getComputedStyle(e).fill") == "rgb(47, 111, 159)"
    rows = page.locator("#kommunen tbody tr")
    assert rows.count() == len(report["rows"])
    assert [m for m in refused if "Content Security Policy" in m] == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "participation-report.png"), full_page=True)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) > 1
    page.close()
