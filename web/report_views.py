"""`GET /reports/participation.html`: the report to send, for the team."""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from flask import Response

from api.auth import require_role
from api.blueprint import Blueprint
from api.context import services
from api.schemas.participation import ReportQuerySchema
from domain.clock import today
from web.participation_report import participation_html

blp = Blueprint(
    "participation_report",
    __name__,
    url_prefix="/reports",
    description="The participation report as one German HTML file with charts.",
)
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)


def report_policy(html: str) -> str:
    """Loads nothing; only the report's own style elements (by hash) and style attributes
    (the charts' colours) apply; no script runs."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in dict.fromkeys(_STYLE.findall(html))
    )
    return (
        f"default-src 'none'; style-src-elem {hashes}; style-src-attr 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


@blp.route("/participation.html")
@require_role("team")
@blp.arguments(ReportQuerySchema, location="query")
@blp.response(200, content_type="text/html")
def participation_page(query: dict[str, Any]) -> Response:
    """The participation report as a self-contained German HTML page with SVG charts

    It prints well from a browser to PDF.
    """
    start, end = query["start"], query["end"]
    made = services()
    report = made.views.participation_report(start, end)
    html = participation_html(report, start, end, today(made.app.clock))
    page = Response(html, content_type="text/html; charset=utf-8")
    page.headers["Content-Security-Policy"] = report_policy(html)
    return page
