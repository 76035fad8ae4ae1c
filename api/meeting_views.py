"""Meetings of a series: schedule, show, reschedule, correct, cancel, mark held."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from api.auth import current_actor, require_role, series_in_path
from api.blueprint import Blueprint
from api.context import if_match, sends_etag, services
from api.reads import Reply, meeting_reply
from api.schemas.meetings import (
    CancelQuerySchema,
    HeldSchema,
    MeetingCorrectionSchema,
    MeetingInSchema,
    MeetingSchema,
    RescheduleSchema,
)
from api.write_replies import meeting_scheduled, meeting_written

blp = Blueprint(
    "meetings",
    __name__,
    url_prefix="/peer-learnings/<uuid:peer_learning_id>/meetings",
    description="Kick-off, exchange and reflection meetings of a series.",
)


@blp.route("")
class Meetings(MethodView):
    @require_role("team", "host", scope=series_in_path)
    @if_match
    @blp.arguments(MeetingInSchema)
    @blp.response(201, MeetingSchema)
    def post(
        self, meeting: dict[str, Any], peer_learning_id: UUID, expected_version: int | None
    ) -> Reply:
        """Schedule a meeting

        `ETag` is the series' new version.
        """
        meeting_id = services().app.schedule_meeting(
            peer_learning_id, **meeting, actor=current_actor(), expected_version=expected_version
        )
        body, status, headers = meeting_scheduled(peer_learning_id, meeting_id)
        headers["Location"] = url_for(
            ".Meeting", peer_learning_id=peer_learning_id, meeting_id=meeting_id
        )
        return body, status, headers


@blp.route("/<uuid:meeting_id>")
class Meeting(MethodView):
    @blp.response(200, MeetingSchema)
    @sends_etag
    def get(self, peer_learning_id: UUID, meeting_id: UUID) -> Reply:
        """Show one meeting, also a cancelled or held one"""
        return meeting_reply(peer_learning_id, meeting_id)

    @require_role("team", "host", scope=series_in_path)
    @if_match
    @blp.arguments(RescheduleSchema)
    @blp.response(200, MeetingSchema)
    def put(
        self,
        moved: dict[str, Any],
        peer_learning_id: UUID,
        meeting_id: UUID,
        expected_version: int | None,
    ) -> Reply:
        """Reschedule a future meeting"""
        version = services().app.reschedule_meeting(
            peer_learning_id,
            meeting_id,
            moved["starts_at"],
            moved["ends_at"],
            actor=current_actor(),
            expected_version=expected_version,
        )
        return meeting_written(peer_learning_id, meeting_id, version)

    @require_role("team", "host", scope=series_in_path)
    @if_match
    @blp.arguments(MeetingCorrectionSchema)
    @blp.response(200, MeetingSchema)
    def patch(
        self,
        changes: dict[str, Any],
        peer_learning_id: UUID,
        meeting_id: UUID,
        expected_version: int | None,
    ) -> Reply:
        """Correct a future meeting's format, title, location or video link

        Its times stay; people already reminded of it get the corrected invitation.
        """
        version = services().app.correct_meeting(
            peer_learning_id,
            meeting_id,
            changes,
            actor=current_actor(),
            expected_version=expected_version,
        )
        return meeting_written(peer_learning_id, meeting_id, version)

    @require_role("team", "host", scope=series_in_path)
    @if_match
    @blp.arguments(CancelQuerySchema, location="query", as_kwargs=True)
    @blp.response(200, MeetingSchema)
    def delete(
        self,
        peer_learning_id: UUID,
        meeting_id: UUID,
        expected_version: int | None,
        reason: str | None = None,
    ) -> Reply:
        """Cancel a future meeting; it stays visible as cancelled"""
        version = services().app.cancel_meeting(
            peer_learning_id,
            meeting_id,
            actor=current_actor(),
            reason=reason,
            expected_version=expected_version,
        )
        return meeting_written(peer_learning_id, meeting_id, version)


@blp.route("/<uuid:meeting_id>/held")
class MeetingHeld(MethodView):
    @require_role("team", "host", scope=series_in_path)
    @if_match
    @blp.arguments(HeldSchema, required=False)
    @blp.response(200, MeetingSchema)
    def post(
        self,
        held: dict[str, Any],
        peer_learning_id: UUID,
        meeting_id: UUID,
        expected_version: int | None,
    ) -> Reply:
        """Mark a meeting as held, with the attendance if known"""
        version = services().app.mark_meeting_held(
            peer_learning_id,
            meeting_id,
            actor=current_actor(),
            attendance=held.get("attendance"),
            expected_version=expected_version,
        )
        return meeting_written(peer_learning_id, meeting_id, version)
