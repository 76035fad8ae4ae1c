"""Calendar subscriptions (RFC 5545): one series, or every upcoming meeting."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from flask.views import MethodView
from werkzeug.wrappers import Response as BaseResponse

from api.blueprint import Blueprint
from api.context import services
from api.schemas.series import FeedQuerySchema, SeriesFeedQuerySchema
from web.conditional import conditional_response
from web.feeds import kept_series_feed, kept_upcoming_feed

CALENDAR = "text/calendar"
blp = Blueprint(
    "calendar", __name__, description="Calendar subscriptions of the public meetings (iCalendar)."
)


def calendar_doc(what: str) -> dict[str, Any]:
    headers = {
        "ETag": {"schema": {"type": "string"}},
        "Last-Modified": {"schema": {"type": "string"}},
    }
    return {
        "responses": {
            "200": {
                "description": what,
                "content": {CALENDAR: {"schema": {"type": "string"}}},
                "headers": headers,
            },
            "304": {"description": "Not modified since the ETag or date the client sent."},
        }
    }


@blp.route("/peer-learnings/<uuid:peer_learning_id>/calendar.ics")
class SeriesCalendar(MethodView):
    @blp.arguments(SeriesFeedQuerySchema, location="query", as_kwargs=True)
    @blp.doc(**calendar_doc("Every meeting of the series; cancelled ones as STATUS:CANCELLED."))
    def get(self, peer_learning_id: UUID, on: date | None = None) -> BaseResponse:
        """Subscribe to the meetings of one Peer-Learning (with `on`: as they stood that day)"""
        feed = kept_series_feed(services(), peer_learning_id, on)
        return conditional_response(feed.body, CALENDAR, feed.last_modified, feed.etag)


@blp.route("/calendar.ics")
class UpcomingCalendar(MethodView):
    @blp.arguments(FeedQuerySchema, location="query", as_kwargs=True)
    @blp.doc(**calendar_doc("The upcoming meetings of every series that has not finished."))
    def get(self, topic: str | None = None, region: str | None = None) -> BaseResponse:
        """Subscribe to all upcoming meetings, optionally by topic or region"""
        feed = kept_upcoming_feed(services(), topic or None, region or None)
        return conditional_response(feed.body, CALENDAR, feed.last_modified, feed.etag)
