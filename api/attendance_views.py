"""Who came to a held meeting, and who is expected at a meeting."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask.views import MethodView

from api.auth import current_actor, require_role, series_in_path
from api.blueprint import Blueprint
from api.context import if_match, services
from api.errors import ProblemError
from api.reads import Reply, series_detail
from api.schemas.meetings import MeetingSchema
from api.schemas.participation import AttendanceSchema, MeetingRosterSchema
from api.write_replies import meeting_written
from domain.errors import MeetingNotFound

blp = Blueprint(
    "attendance",
    __name__,
    url_prefix="/peer-learnings/<uuid:peer_learning_id>/meetings/<uuid:meeting_id>",
    description="Attendance at a held meeting and the roster of a meeting.",
)


def enrolments_of(peer_learning_id: UUID, participants: list[UUID]) -> dict[UUID, UUID]:
    """Each participant present with their enrolment; only people who joined for a
    municipality of this series can have been present."""
    views = services().views
    found = [views.participant(participant_id) for participant_id in participants]
    strangers = [
        i
        for i, one in enumerate(found)
        if one is None or one["peer_learning_id"] != peer_learning_id
    ]
    if strangers:
        problem = {str(i): ["Not a participant of this series."] for i in strangers}
        raise ProblemError(
            422,
            "Every participant present must belong to the series.",
            errors={"participants": problem},
        )
    return {one["participant_id"]: one["enrollment_id"] for one in found if one is not None}


@blp.route("/attendance")
class Attendance(MethodView):
    @require_role("team", "host", scope=series_in_path)
    @if_match
    @blp.arguments(AttendanceSchema)
    @blp.response(200, MeetingSchema)
    def put(
        self,
        attendance: dict[str, Any],
        peer_learning_id: UUID,
        meeting_id: UUID,
        expected_version: int | None,
    ) -> Reply:
        """Record who was present at a held meeting

        A later record replaces an earlier one; the meeting's head count follows it. A
        participant whose enrolment ended (withdrawn or rejected) before the day of the meeting
        is refused with 409.
        """
        present = enrolments_of(peer_learning_id, attendance["participants"])
        version = services().app.record_attendance(
            peer_learning_id,
            meeting_id,
            present,
            actor=current_actor(),
            expected_version=expected_version,
        )
        return meeting_written(peer_learning_id, meeting_id, version)


@blp.route("/roster")
class Roster(MethodView):
    @require_role("team", "host", scope=series_in_path)
    @blp.response(200, MeetingRosterSchema)
    def get(self, peer_learning_id: UUID, meeting_id: UUID) -> dict[str, Any]:
        """The admitted municipalities at a meeting, their active participants, who declined

        `expected` counts the active participants who have not declined; `declined` those
        who said (by the link in their reminder) that they cannot attend.
        """
        series_detail(peer_learning_id)
        views = services().views
        meeting = views.meeting(peer_learning_id, meeting_id)
        if meeting is None:
            raise MeetingNotFound(meeting_id)
        declined = views.declined(meeting_id)
        places = [
            place_on_roster(e, declined)
            for e in views.roster(peer_learning_id)
            if e["status"] == "admitted"
        ]
        people = [p for place in places for p in place["participants"]]
        absent = sum(1 for p in people if p["declined"])
        return {
            "meeting_id": meeting_id,
            "peer_learning_id": peer_learning_id,
            "state": meeting["state"],
            "municipalities": places,
            "expected": len(people) - absent,
            "declined": absent,
        }


def place_on_roster(enrollment: dict[str, Any], declined: set[UUID]) -> dict[str, Any]:
    place = enrollment["municipality"]
    return {
        "enrollment_id": enrollment["enrollment_id"],
        "municipality": place["name"],
        "key": place["key"],
        "state": place["state"],
        "participants": [
            {
                "participant_id": p["participant_id"],
                "name": p["name"],
                "declined": p["participant_id"] in declined,
            }
            for p in enrollment["participants"]
            if p["left_at"] is None
        ],
    }
