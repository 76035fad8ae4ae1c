"""The welcome of a participant who joins an enrolment after it got its seat: the seat's own
mail (admitted, or moved up) reached only those present then, with the series' planned
meetings; who joins later gets the upcoming ones in a welcome of their own, once. An
enrolment the team seated itself had no seat mail, so its later participants get none."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from application.app import PeerLearningApp
from application.links import Links
from domain.enrollment import Enrollment
from domain.errors import RegistrationNotFound
from domain.registration import registration_id_for
from domain.values import EnrollmentStatus
from projections.queries import ViewQueries
from scheduler.course_letters import letter, person_entry
from scheduler.registration_outcomes import PLANNED, WELCOME, OutcomeLetter
from scheduler.self_service_links import with_self_service


def welcome_letters(
    app: PeerLearningApp, views: ViewQueries, links: Links, participant_id: UUID, now: datetime
) -> tuple[UUID, list[OutcomeLetter]]:
    """The series, and the welcome the participant is owed, if any."""
    found = views.participant(participant_id)
    if found is None:
        return participant_id, []
    enrollment = app.enrollment(found["enrollment_id"])
    joining = [p for p in enrollment.active_participants if p.participant_id == participant_id]
    present = present_at_seat(app, enrollment)
    if enrollment.status != EnrollmentStatus.ADMITTED or not joining or present is None:
        return enrollment.peer_learning_id, []
    if participant_id in present or "@" not in joining[0].person.email:
        return enrollment.peer_learning_id, []
    series = views.series_detail(enrollment.peer_learning_id) or {}
    person = joining[0]
    values = {
        "title": series.get("title", ""),
        "municipality": enrollment.municipality.name,
        "feed": f"{links.public_url}/peer-learnings/{enrollment.peer_learning_id}/calendar.ics",
    }
    upcoming = tuple(
        m for m in series.get("meetings") or () if m["state"] in PLANNED and m["starts_at"] > now
    )
    welcome = letter(WELCOME, person_entry(person), values, meetings=upcoming, series=series)
    return enrollment.peer_learning_id, [with_self_service(welcome, enrollment.id, links)]


def present_at_seat(app: PeerLearningApp, enrollment: Enrollment) -> set[UUID] | None:
    """Those the seat's mail was for: who joined before a waiting enrolment moved up, or the
    people of the registration it was admitted from; None if no mail told of its seat."""
    joined: list[UUID] = []
    waited = False
    for event in app.events.get(enrollment.id):
        if isinstance(event, Enrollment.Waitlisted):
            waited = True
        elif isinstance(event, Enrollment.Admitted) and waited:
            return set(joined)
        elif isinstance(event, Enrollment.ParticipantJoined):
            joined.append(event.participant.participant_id)
    return _registered(app, enrollment)


def _registered(app: PeerLearningApp, enrollment: Enrollment) -> set[UUID] | None:
    try:
        registration = app.registration(
            registration_id_for(enrollment.peer_learning_id, enrollment.municipality)
        )
    except RegistrationNotFound:  # enrolled by the team, without a registration
        return None
    if registration.enrollment_id != enrollment.id:
        return None
    return {p.participant_id for p in registration.people}
