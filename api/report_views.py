"""Participation reports: rows per series and municipality with their totals."""

from __future__ import annotations

from typing import Any

from flask import Response, request
from flask.views import MethodView

from api.auth import require_role
from api.blueprint import Blueprint
from api.context import services
from api.report_csv import report_csv
from api.schemas.participation import ReportQuerySchema, ReportSchema

blp = Blueprint(
    "reports",
    __name__,
    url_prefix="/reports",
    description="What the programme achieved: participation per series and municipality.",
)

CSV = "text/csv"


def wants_csv(query: dict[str, Any]) -> bool:
    if "format" in query:
        return bool(query["format"] == "csv")
    best = request.accept_mimetypes.best_match(["application/json", CSV])
    return best == CSV


@blp.route("/participation")
class Participation(MethodView):
    @require_role("team", "auditor")
    @blp.arguments(ReportQuerySchema, location="query")
    @blp.response(200, ReportSchema)
    @blp.doc(responses={200: {"content": {CSV: {"schema": {"type": "string"}}}}})
    def get(self, query: dict[str, Any]) -> Any:
        """Participation per series and municipality, with totals per Land and per series

        Meetings count in the period in which they were held (the programme calendar).
        With `Accept: text/csv` or `format=csv`: UTF-8 CSV with BOM, `;`, German headers,
        dates as TT.MM.JJJJ.
        """
        start, end = query["start"], query["end"]
        report = services().views.participation_report(start, end)
        if wants_csv(query):
            name = f"teilnahme-{start.isoformat()}-{end.isoformat()}.csv"
            return Response(
                report_csv(report["rows"]).encode("utf-8"),
                headers={"Content-Disposition": f'attachment; filename="{name}"'},
                content_type=f"{CSV}; charset=utf-8",
            )
        return {"start": start, "end": end, **report}
