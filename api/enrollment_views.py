"""Enrolments of municipalities: enrol, the roster, withdraw, reject."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import url_for
from flask.views import MethodView

from api.auth import current_actor, require_role, series_in_path, series_of_enrollment
from api.blueprint import Blueprint
from api.context import if_match, sends_etag, services
from api.reads import Reply, enrollment_reply, series_detail
from api.schemas.enrollments import (
    ContactCorrectionSchema,
    EnrollmentSchema,
    EnrolSchema,
    ReasonSchema,
    RejectSchema,
)
from api.write_replies import enrollment_placed, enrollment_written

blp = Blueprint(
    "enrollments",
    __name__,
    description="Municipalities taking part in a series; personal data, team only.",
)


@blp.route("/peer-learnings/<uuid:peer_learning_id>/enrollments")
class Enrollments(MethodView):
    @require_role("team", "host", scope=series_in_path)
    @blp.response(200, EnrollmentSchema(many=True))
    def get(self, peer_learning_id: UUID) -> list[dict[str, Any]]:
        """List the enrolments of a series with their participants"""
        series_detail(peer_learning_id)
        return services().views.roster(peer_learning_id)  # type: ignore[no-any-return]

    @require_role("team")
    @if_match
    @blp.arguments(EnrolSchema)
    @blp.response(201, EnrollmentSchema)
    def post(
        self, enrolment: dict[str, Any], peer_learning_id: UUID, expected_version: int | None
    ) -> Reply:
        """Enrol a municipality

        Admitted while seats are free, else waitlisted; 409 with the reason when the
        municipality may not enrol. `If-Match` names the series' version.
        """
        contact = enrolment["contact"]
        enrollment_id, _ = services().app.enrol(
            peer_learning_id,
            enrolment["municipality"],
            contact["name"],
            contact["email"],
            actor=current_actor(),
            expected_version=expected_version,
            contact_locale=contact["locale"],
        )
        body, status, headers = enrollment_placed(enrollment_id)
        headers["Location"] = url_for(".Enrollment", enrollment_id=enrollment_id)
        return body, status, headers


@blp.route("/enrollments/<uuid:enrollment_id>")
class Enrollment(MethodView):
    @require_role("team", "host", scope=series_of_enrollment)
    @blp.response(200, EnrollmentSchema)
    @sends_etag
    def get(self, enrollment_id: UUID) -> Reply:
        """Show one enrolment with its participants"""
        return enrollment_reply(enrollment_id)


@blp.route("/enrollments/<uuid:enrollment_id>/contact")
class EnrollmentContact(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(ContactCorrectionSchema)
    @blp.response(200, EnrollmentSchema)
    def patch(
        self, changes: dict[str, Any], enrollment_id: UUID, expected_version: int | None
    ) -> Reply:
        """Correct the contact's name or e-mail; fields left out stay as they are"""
        version = services().app.correct_contact(
            enrollment_id, changes, actor=current_actor(), expected_version=expected_version
        )
        return enrollment_written(enrollment_id, version)


@blp.route("/enrollments/<uuid:enrollment_id>/withdraw")
class WithdrawEnrollment(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(ReasonSchema, required=False)
    @blp.response(200, EnrollmentSchema)
    def post(
        self, withdrawal: dict[str, Any], enrollment_id: UUID, expected_version: int | None
    ) -> Reply:
        """Withdraw an enrolment; the next waitlisted municipality moves up"""
        version = services().app.withdraw_enrollment(
            enrollment_id,
            actor=current_actor(),
            reason=withdrawal.get("reason"),
            expected_version=expected_version,
        )
        return enrollment_written(enrollment_id, version)


@blp.route("/enrollments/<uuid:enrollment_id>/reject")
class RejectEnrollment(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(RejectSchema)
    @blp.response(200, EnrollmentSchema)
    def post(
        self, rejection: dict[str, Any], enrollment_id: UUID, expected_version: int | None
    ) -> Reply:
        """Reject an enrolment with a reason"""
        version = services().app.reject_enrollment(
            enrollment_id,
            rejection["reason"],
            actor=current_actor(),
            expected_version=expected_version,
        )
        return enrollment_written(enrollment_id, version)
