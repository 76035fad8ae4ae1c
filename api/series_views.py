"""The catalogue, announcing a series, its detail and revising its details."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView
from werkzeug.wrappers import Response as BaseResponse

from api.answers import Answer, json_body, kept_answer, revalidates
from api.auth import current_actor, require_role, sees_video_links
from api.blueprint import Blueprint
from api.context import if_match, programme_today, sends_etag, services
from api.dumping import dumper
from api.reads import Reply, series_detail, shown_to_caller
from api.schemas.audit import CatalogueAsOfQuerySchema, SeriesAsOfQuerySchema
from api.schemas.series import (
    CatalogueSchema,
    SeriesDetailSchema,
    SeriesInSchema,
    SeriesPatchSchema,
)
from api.time_travel import catalogue_then, series_then
from api.write_replies import series_announced, series_written

# Instances, not classes: webargs would build a new schema (deep-copying every field) for
# every request it parses with a class; loading is the same with one instance.
CATALOGUE_QUERY = CatalogueAsOfQuerySchema()
SERIES_QUERY = SeriesAsOfQuerySchema()
blp = Blueprint(
    "peer-learnings",
    __name__,
    url_prefix="/peer-learnings",
    description="The catalogue of Peer-Learnings and what the team announces about each.",
)


@blp.route("")
class Catalogue(MethodView):
    @blp.arguments(CATALOGUE_QUERY, location="query", as_kwargs=True)
    @blp.response(200, CatalogueSchema)
    @sends_etag
    @revalidates
    def get(
        self, page: int, per_page: int, on: Any = None, as_of: Any = None, **filters: Any
    ) -> dict[str, Any] | BaseResponse:
        """List the catalogue as it stands on a day

        Public. Ordered like the programme's page: new, running, closed, withdrawn.
        `ETag` names the views' state and the query; send it in If-None-Match for a 304.
        With `as_of`, the catalogue as the system knew it at that moment (no ETag).
        """
        if as_of is not None:
            return catalogue_then(as_of, on, page, per_page, **filters)
        day, dated = on or programme_today(), on is not None
        shape = ("catalogue", day, dated, page, per_page, *sorted(filters.items()))

        def render() -> Answer:
            views = services().views
            asked = {"page": page, "per_page": per_page, "dated": dated, **filters}
            items, total = views.catalogue(on=day, **asked)
            page_of = {"items": items, "total": total, "page": page, "per_page": per_page}
            return Answer(json_body(dumper(CatalogueSchema)(page_of)))

        return kept_answer("catalogue", shape, render, lambda _, tag: tag)

    @require_role("team")
    @blp.arguments(SeriesInSchema)
    @blp.response(201, SeriesDetailSchema)
    @sends_etag
    def post(self, details: dict[str, Any]) -> Reply:
        """Announce a new Peer-Learning"""
        peer_learning_id = services().app.announce(actor=current_actor(), **details)
        detail, status, headers = series_announced(peer_learning_id)
        headers["Location"] = url_for(".Series", peer_learning_id=peer_learning_id)
        return detail, status, headers


@blp.route("/<uuid:peer_learning_id>")
class Series(MethodView):
    @blp.arguments(SERIES_QUERY, location="query", as_kwargs=True)
    @blp.response(200, SeriesDetailSchema)
    @sends_etag
    @revalidates
    def get(
        self, peer_learning_id: UUID, on: Any = None, version: Any = None, as_of: Any = None
    ) -> Reply | BaseResponse:
        """Show one Peer-Learning with its meetings

        Public; holds no personal data. `ETag` starts with the series' version, which
        If-Match on writes reads, and names the views' state: send it in If-None-Match for a
        304. With `version` or `as_of`, the series exactly as then recorded (no ETag).
        """
        if version is not None or as_of is not None:
            return shown_to_caller(series_then(peer_learning_id, on, version, as_of)), 200, {}
        links = sees_video_links(peer_learning_id)

        def render() -> Answer:
            detail = shown_to_caller(series_detail(peer_learning_id, on))
            return Answer(json_body(dumper(SeriesDetailSchema)(detail)), detail["version"])

        day = on or programme_today()
        shape = ("series", str(peer_learning_id), day, on is not None, links)
        return kept_answer("series", shape, render, lambda sent, tag: f"{sent.version}.{tag}")

    @require_role("team")
    @if_match
    @blp.arguments(SeriesPatchSchema(partial=True))
    @blp.response(200, SeriesDetailSchema)
    def patch(
        self, changes: dict[str, Any], peer_learning_id: UUID, expected_version: int | None
    ) -> Reply:
        """Revise the details of a Peer-Learning"""
        version = services().app.revise_details(
            peer_learning_id, changes, actor=current_actor(), expected_version=expected_version
        )
        return series_written(peer_learning_id, version)
