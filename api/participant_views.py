"""People taking part for an enrolled municipality: join, show, leave."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from api.auth import current_actor, require_role, series_of_enrollment
from api.blueprint import Blueprint
from api.context import if_match, sends_etag, services
from api.reads import Reply, participant_reply
from api.schemas.enrollments import JoinSchema, ParticipantCorrectionSchema, ParticipantSchema
from api.write_replies import participant_joined, participant_written

blp = Blueprint(
    "participants",
    __name__,
    url_prefix="/enrollments/<uuid:enrollment_id>/participants",
    description="Participants of an enrolment; personal data, team only.",
)


@blp.route("")
class Participants(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(JoinSchema)
    @blp.response(201, ParticipantSchema)
    def post(
        self, person: dict[str, Any], enrollment_id: UUID, expected_version: int | None
    ) -> Reply:
        """Add a participant to an enrolment

        `If-Match` and `ETag` name the enrolment's version.
        """
        participant_id = services().app.join(
            enrollment_id, **person, actor=current_actor(), expected_version=expected_version
        )
        body, status, headers = participant_joined(enrollment_id, participant_id)
        headers["Location"] = url_for(
            ".Participant", enrollment_id=enrollment_id, participant_id=participant_id
        )
        return body, status, headers


@blp.route("/<uuid:participant_id>")
class Participant(MethodView):
    @require_role("team", "host", scope=series_of_enrollment)
    @blp.response(200, ParticipantSchema)
    @sends_etag
    def get(self, enrollment_id: UUID, participant_id: UUID) -> Reply:
        """Show one participant"""
        return participant_reply(enrollment_id, participant_id)

    @require_role("team")
    @if_match
    @blp.arguments(ParticipantCorrectionSchema)
    @blp.response(200, ParticipantSchema)
    def patch(
        self,
        changes: dict[str, Any],
        enrollment_id: UUID,
        participant_id: UUID,
        expected_version: int | None,
    ) -> Reply:
        """Correct a participant's name, e-mail, language or time zone

        Fields left out stay as they are; `"timezone": null` falls back to the series' zone.
        The next reminders go to the corrected address, in the corrected language.
        `If-Match` and `ETag` name the enrolment's version.
        """
        version = services().app.correct_participant(
            enrollment_id,
            participant_id,
            changes,
            actor=current_actor(),
            expected_version=expected_version,
        )
        return participant_written(enrollment_id, participant_id, version)

    @require_role("team")
    @if_match
    @blp.response(200, ParticipantSchema)
    def delete(
        self, enrollment_id: UUID, participant_id: UUID, expected_version: int | None
    ) -> Reply:
        """Record that a participant left; they stay listed with `left_at`"""
        version = services().app.leave(
            enrollment_id,
            participant_id,
            actor=current_actor(),
            expected_version=expected_version,
        )
        return participant_written(enrollment_id, participant_id, version)
