"""Reads the views answer for the API, turning absence into the domain's NotFound."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.auth import sees_video_links
from api.context import etag, programme_today, services
from domain.errors import (
    EnrollmentNotFound,
    MeetingNotFound,
    ParticipantNotFound,
    PeerLearningNotFound,
)

Reply = tuple[dict[str, Any], int, dict[str, str]]


def series_detail(peer_learning_id: UUID, on: Any = None) -> dict[str, Any]:
    """The series on day `on`, as it stood then; without a day, as recorded now (with
    today's status and next meeting)."""
    day, dated = on or programme_today(), on is not None
    detail = services().views.series_detail(peer_learning_id, on=day, dated=dated)
    if detail is None:
        raise PeerLearningNotFound(peer_learning_id)
    return detail  # type: ignore[no-any-return]


def shown_to_caller(detail: dict[str, Any]) -> dict[str, Any]:
    """The detail with its meetings' video links only for those who may read them."""
    if sees_video_links(detail["id"]):
        return detail
    return {**detail, "meetings": [without_link(m) for m in detail["meetings"]]}


def without_link(meeting: dict[str, Any]) -> dict[str, Any]:
    return {**meeting, "video_url": None}


def series_reply(peer_learning_id: UUID, status: int = 200, on: Any = None) -> Reply:
    detail = series_detail(peer_learning_id, on)
    return detail, status, etag(detail["version"])


def meeting_reply(peer_learning_id: UUID, meeting_id: UUID, status: int = 200) -> Reply:
    version = series_detail(peer_learning_id)["version"]
    meeting = services().views.meeting(peer_learning_id, meeting_id)
    if meeting is None:
        raise MeetingNotFound(meeting_id)
    shown = meeting if sees_video_links(peer_learning_id) else without_link(meeting)
    return shown, status, etag(version)


def enrollment(enrollment_id: UUID) -> dict[str, Any]:
    found = services().views.enrollment(enrollment_id)
    if found is None:
        raise EnrollmentNotFound(enrollment_id)
    return found  # type: ignore[no-any-return]


def enrollment_reply(enrollment_id: UUID, status: int = 200) -> Reply:
    found = enrollment(enrollment_id)
    return found, status, etag(found["version"])


def participant_reply(enrollment_id: UUID, participant_id: UUID, status: int = 200) -> Reply:
    version = enrollment(enrollment_id)["version"]
    found = services().views.participant(participant_id)
    if found is None or str(found["enrollment_id"]) != str(enrollment_id):
        raise ParticipantNotFound(participant_id)
    return found, status, etag(version)
