"""Which outcome mails a registration owes, to whom: the facts read when they are sent."""

from __future__ import annotations

from typing import Any

from application.app import PeerLearningApp
from application.links import Links
from domain.registration import Registration, RegistrationState
from domain.values import EnrollmentStatus, Participant
from projections.queries import ViewQueries
from scheduler.course_letters import has_waited
from scheduler.registration_outcomes import (
    ADMITTED,
    DECLINED,
    NOTE,
    RECEIVED,
    WAITLISTED,
    OutcomeLetter,
)
from scheduler.self_service_links import with_self_service


def outcome_letters(
    app: PeerLearningApp, views: ViewQueries, links: Links, registration: Registration
) -> list[OutcomeLetter]:
    series = views.series_detail(registration.peer_learning_id) or {}
    values = {
        "title": series.get("title", ""),
        "municipality": registration.municipality.name,
        "feed": f"{links.public_url}/peer-learnings/{registration.peer_learning_id}/calendar.ics",
        "reason": registration.reason or "",
    }
    letters = []
    if registration.confirmed_at is not None:
        letters.append(_to(RECEIVED, registration.contact, values))
        if series.get("contact_email"):
            letters.append(_note(registration, str(series["contact_email"]), values, links))
    if registration.state == RegistrationState.DECLINED and registration.confirmed_at:
        # an address that never confirmed is not written to: the double opt-in
        letters.append(_to(DECLINED, registration.contact, values))
    if registration.state == RegistrationState.ACCEPTED and registration.enrollment_id:
        letters.extend(_placed(app, registration, series, values, links))
    return [letter for letter in letters if letter.email and "@" in letter.email]


def _placed(
    app: PeerLearningApp,
    registration: Registration,
    series: dict[str, Any],
    values: dict[str, Any],
    links: Links,
) -> list[OutcomeLetter]:
    """Each person's letter carries their own self-service link, signed as it is written."""
    enrollment_id = registration.enrollment_id
    assert enrollment_id is not None
    status = app.enrollment(enrollment_id).status
    if status == EnrollmentStatus.ADMITTED and has_waited(app, enrollment_id):
        return []  # it moved up from the waiting list: that mail says so (course_letters)
    if status == EnrollmentStatus.ADMITTED:
        meetings = tuple(series.get("meetings") or ())
        letters = [
            _to(ADMITTED, person, values, meetings=meetings, series=series)
            for person in registration.people
        ]
    elif status == EnrollmentStatus.WAITLISTED:
        waitlist = app.series(registration.peer_learning_id).waitlist
        key = str(enrollment_id)
        position = waitlist.index(key) + 1 if key in waitlist else 1
        placed = {**values, "position": position}
        letters = [_to(WAITLISTED, person, placed) for person in registration.people]
    else:
        return []
    return [with_self_service(letter, enrollment_id, links) for letter in letters]


def _to(
    purpose: str,
    person: Participant,
    values: dict[str, Any],
    meetings: tuple[dict[str, Any], ...] = (),
    series: dict[str, Any] | None = None,
) -> OutcomeLetter:
    return OutcomeLetter(
        purpose=purpose,
        recipient_id=person.participant_id,
        name=person.person.name,
        email=person.person.email,
        locale=str(person.locale),
        values=values,
        meetings=meetings,
        series=series,
    )


def _note(
    registration: Registration, address: str, values: dict[str, Any], links: Links
) -> OutcomeLetter:
    """To the series' contact address, the host's (in German, the programme's language): one
    per submission. The team accepts or declines it; the host reads the roster it joins."""
    roster = f"{links.public_url}/peer-learnings/{registration.peer_learning_id}/enrollments"
    return OutcomeLetter(
        purpose=NOTE,
        recipient_id=registration.id,
        name=str(values["title"])[:60] or "Peer-Learning",
        email=address,
        locale="de",
        values={**values, "roster": roster},
    )
