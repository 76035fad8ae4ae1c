"""The end of a series and whether it takes enrolments: reflection, close, withdraw, joining."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from api.auth import current_actor, require_role, series_in_path
from api.blueprint import Blueprint
from api.context import if_match, services
from api.reads import Reply
from api.schemas.lifecycle import (
    CloseSchema,
    JoiningSchema,
    ReflectionSchema,
    WithdrawSeriesSchema,
)
from api.schemas.series import SeriesDetailSchema
from api.write_replies import series_written

blp = Blueprint(
    "series-lifecycle",
    __name__,
    url_prefix="/peer-learnings/<uuid:peer_learning_id>",
    description="Reflection, closing, withdrawing a series and opening or closing enrolment.",
)


@blp.route("/reflection")
class Reflection(MethodView):
    @require_role("team", "host", scope=series_in_path)
    @if_match
    @blp.arguments(ReflectionSchema, required=False)
    @blp.response(200, SeriesDetailSchema)
    def post(
        self, reflection: dict[str, Any], peer_learning_id: UUID, expected_version: int | None
    ) -> Reply:
        """Record that the reflection was held"""
        version = services().app.hold_reflection(
            peer_learning_id, actor=current_actor(), expected_version=expected_version, **reflection
        )
        return series_written(peer_learning_id, version)


@blp.route("/close")
class Close(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(CloseSchema, required=False)
    @blp.response(200, SeriesDetailSchema)
    def post(
        self, closing: dict[str, Any], peer_learning_id: UUID, expected_version: int | None
    ) -> Reply:
        """Close a series after its reflection"""
        version = services().app.close_series(
            peer_learning_id, actor=current_actor(), expected_version=expected_version, **closing
        )
        return series_written(peer_learning_id, version)


@blp.route("/withdraw")
class Withdraw(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(WithdrawSeriesSchema, required=False)
    @blp.response(200, SeriesDetailSchema)
    def post(
        self, withdrawal: dict[str, Any], peer_learning_id: UUID, expected_version: int | None
    ) -> Reply:
        """Withdraw a series that never held a meeting"""
        version = services().app.withdraw_series(
            peer_learning_id, actor=current_actor(), expected_version=expected_version, **withdrawal
        )
        return series_written(peer_learning_id, version)


@blp.route("/joining")
class Joining(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(JoiningSchema)
    @blp.response(200, SeriesDetailSchema)
    def post(
        self, joining: dict[str, Any], peer_learning_id: UUID, expected_version: int | None
    ) -> Reply:
        """Open or close enrolment for a series"""
        version = services().app.set_joining(
            peer_learning_id,
            joining["open"],
            actor=current_actor(),
            expected_version=expected_version,
        )
        return series_written(peer_learning_id, version)
