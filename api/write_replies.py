"""What a write answers: the version its own command recorded, and the resource at that version.

The views answer when they stand exactly at that version; when a concurrent write has moved
them on (or they lag), the answer is replayed from the aggregate at the recorded version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from api.context import etag, programme_today, services
from api.reads import Reply
from application.store_application import translated_store_errors
from audit.time_travel import series_as_of
from domain.enrollment import Enrollment
from domain.errors import EnrollmentNotFound, MeetingNotFound, ParticipantNotFound
from domain.peer_learning import PeerLearning
from domain.values import Participant

EventTest = Callable[[Any], bool]


def version_recorded_by(stream_id: UUID, is_ours: EventTest, newest_first: bool = True) -> int:
    """The version of the event in `stream_id` that a creating command recorded."""
    with translated_store_errors():
        for event in services().app.events.get(stream_id, desc=newest_first):
            if is_ours(event):
                return int(event.originator_version)
    raise LookupError(f"{stream_id} holds no event of this command")


def announced(event: Any) -> bool:
    return isinstance(event, PeerLearning.Announced)


def scheduled(meeting_id: UUID) -> EventTest:
    def is_ours(event: Any) -> bool:
        return isinstance(event, PeerLearning.MeetingScheduled) and (
            event.meeting.meeting_id == meeting_id
        )

    return is_ours


def placed(event: Any) -> bool:
    """An enrolment's first admission or waitlisting: the end of the command that enrolled."""
    return isinstance(event, (Enrollment.Admitted, Enrollment.Waitlisted))


def joined(participant_id: UUID) -> EventTest:
    def is_ours(event: Any) -> bool:
        return isinstance(event, Enrollment.ParticipantJoined) and (
            event.participant.participant_id == participant_id
        )

    return is_ours


# ---- series and meetings -----------------------------------------------------------------


def series_at(peer_learning_id: UUID, version: int) -> dict[str, Any]:
    day = programme_today()
    detail = services().views.series_detail(peer_learning_id, on=day, dated=False)
    if detail is not None and detail["version"] == version:
        return detail  # type: ignore[no-any-return]
    with translated_store_errors():
        return series_as_of(services().app, peer_learning_id, version, on=day, dated=False)


def series_written(peer_learning_id: UUID, version: int, status: int = 200) -> Reply:
    return series_at(peer_learning_id, version), status, etag(version)


def series_announced(peer_learning_id: UUID) -> Reply:
    return series_written(peer_learning_id, version_recorded_by(peer_learning_id, announced), 201)


def meeting_written(
    peer_learning_id: UUID, meeting_id: UUID, version: int, status: int = 200
) -> Reply:
    meetings = series_at(peer_learning_id, version)["meetings"]
    found = next((m for m in meetings if str(m["meeting_id"]) == str(meeting_id)), None)
    if found is None:
        raise MeetingNotFound(meeting_id)
    return found, status, etag(version)


def meeting_scheduled(peer_learning_id: UUID, meeting_id: UUID) -> Reply:
    version = version_recorded_by(peer_learning_id, scheduled(meeting_id))
    return meeting_written(peer_learning_id, meeting_id, version, 201)


# ---- enrolments and participants ---------------------------------------------------------


def enrollment_at(enrollment_id: UUID, version: int) -> dict[str, Any]:
    found = services().views.enrollment(enrollment_id)
    if found is not None and found["version"] == version:
        return found  # type: ignore[no-any-return]
    app = services().app
    return enrollment_shape(app.load(Enrollment, enrollment_id, EnrollmentNotFound, version))


def enrollment_written(enrollment_id: UUID, version: int, status: int = 200) -> Reply:
    return enrollment_at(enrollment_id, version), status, etag(version)


def enrollment_placed(enrollment_id: UUID) -> Reply:
    version = version_recorded_by(enrollment_id, placed, newest_first=False)
    return enrollment_written(enrollment_id, version, 201)


def participant_written(
    enrollment_id: UUID, participant_id: UUID, version: int, status: int = 200
) -> Reply:
    participants = enrollment_at(enrollment_id, version)["participants"]
    found = next((p for p in participants if str(p["participant_id"]) == str(participant_id)), None)
    if found is None:
        raise ParticipantNotFound(participant_id)
    return found, status, etag(version)


def participant_joined(enrollment_id: UUID, participant_id: UUID) -> Reply:
    version = version_recorded_by(enrollment_id, joined(participant_id))
    return participant_written(enrollment_id, participant_id, version, 201)


def enrollment_shape(enrollment: Enrollment) -> dict[str, Any]:
    """An enrolment replayed from its events, in the shape the roster view gives."""
    place, contact = enrollment.municipality, enrollment.contact
    return {
        "enrollment_id": enrollment.id,
        "peer_learning_id": enrollment.peer_learning_id,
        "municipality": {
            "name": place.name,
            "key": place.key,
            "state": place.state,
            "region": place.region,
        },
        "contact": {"subject_id": contact.subject_id, "name": contact.name, "email": contact.email},
        "status": str(enrollment.status),
        "registered_at": _utc(enrollment.created_on),
        "active_participants": len(enrollment.active_participants),
        "version": enrollment.version,
        "participants": [
            participant_shape(enrollment, p) for p in _by_joining(enrollment.participants.values())
        ],
    }


def participant_shape(enrollment: Enrollment, participant: Participant) -> dict[str, Any]:
    return {
        "participant_id": participant.participant_id,
        "enrollment_id": enrollment.id,
        "peer_learning_id": enrollment.peer_learning_id,
        "name": participant.person.name,
        "email": participant.person.email,
        "locale": str(participant.locale),
        "timezone": participant.timezone,
        "joined_at": _utc(participant.joined_at),
        "left_at": _utc(participant.left_at),
    }


def _by_joining(participants: Iterable[Participant]) -> list[Participant]:
    earliest = datetime.min.replace(tzinfo=UTC)
    return sorted(
        participants, key=lambda p: (_utc(p.joined_at) or earliest, str(p.participant_id))
    )


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(UTC)
