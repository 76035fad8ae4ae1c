"""Which mails a seat or the end of a series owes, to whom: everyone of the enrolment the
admitted mail would reach (its active participants and its contact), each once, in their
language; the facts are read when the mails are sent."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.app import PeerLearningApp
from application.links import Links
from domain.enrollment import Enrollment
from domain.values import EnrollmentStatus, Participant
from projections.queries import ViewQueries
from projections.view import parse_day
from scheduler.registration_outcomes import MOVED_UP, OutcomeLetter
from scheduler.self_service_links import with_self_service


def has_waited(app: PeerLearningApp, enrollment_id: UUID) -> bool:
    """Whether the enrolment was on the waiting list before it got its seat."""
    return any(isinstance(e, Enrollment.Waitlisted) for e in app.events.get(enrollment_id))


def moved_up_letters(
    views: ViewQueries, links: Links, enrollment: Enrollment, present: set[UUID] | None = None
) -> list[OutcomeLetter]:
    """To everyone of an enrolment that moved up and still holds its seat: its contact and,
    of its participants, those `present` when it moved up (all without); who joined later
    gets a welcome instead. Its participants' letters carry their own self-service link."""
    if enrollment.status != EnrollmentStatus.ADMITTED:
        return []
    series = views.series_detail(enrollment.peer_learning_id) or {}
    values = {
        "title": series.get("title", ""),
        "municipality": enrollment.municipality.name,
        "feed": f"{links.public_url}/peer-learnings/{enrollment.peer_learning_id}/calendar.ics",
    }
    meetings = tuple(series.get("meetings") or ())
    taking_part = {p.participant_id for p in enrollment.active_participants}
    later = taking_part - present if present is not None else set()
    letters = [
        letter(MOVED_UP, person, values, meetings=meetings, series=series)
        for person in people_of(enrollment)
        if person["id"] not in later
    ]
    return [
        with_self_service(each, enrollment.id, links) if each.recipient_id in taking_part else each
        for each in letters
    ]


def series_end_letters(
    app: PeerLearningApp, views: ViewQueries, row: dict[str, Any]
) -> list[OutcomeLetter]:
    """To everyone of an admitted or waiting enrolment of a series that ended, once each."""
    peer_learning_id = UUID(str(row["peer_learning_id"]))
    series = app.series(peer_learning_id)
    detail = views.series_detail(peer_learning_id) or {}
    letters: list[OutcomeLetter] = []
    seen: set[str] = set()
    for key in (*series.admitted, *series.waitlist):
        enrollment = app.enrollment(UUID(key))
        values = {
            "title": detail.get("title", series.details.title),
            "municipality": enrollment.municipality.name,
            "effective_on": parse_day(row["effective_on"]),
            "reason": row.get("reason") or "",
        }
        for person in people_of(enrollment):
            if not seen.intersection(_marks(person)):
                seen.update(_marks(person))
                letters.append(letter(str(row["purpose"]), person, values))
    return letters


def people_of(enrollment: Enrollment) -> list[dict[str, Any]]:
    """Its active participants and its contact, each once, with an address to write to."""
    people = [person_entry(p) for p in enrollment.active_participants]
    contact = enrollment.contact
    people.append(
        {
            "id": contact.subject_id,
            "name": contact.name,
            "email": contact.email,
            "locale": enrollment.contact_locale,
        }
    )
    unique: list[dict[str, Any]] = []
    seen: set[str] = set()
    for person in people:
        if "@" in str(person["email"]) and not seen.intersection(_marks(person)):
            seen.update(_marks(person))
            unique.append(person)
    return unique


def person_entry(participant: Participant) -> dict[str, Any]:
    """A participant as a letter addresses them."""
    return {
        "id": participant.participant_id,
        "name": participant.person.name,
        "email": participant.person.email,
        "locale": str(participant.locale),
    }


def _marks(person: dict[str, Any]) -> set[str]:
    """What makes two entries one person: the same id or the same address."""
    return {str(person["id"]), str(person["email"]).strip().casefold()}


def letter(
    purpose: str,
    person: dict[str, Any],
    values: dict[str, Any],
    meetings: tuple[dict[str, Any], ...] = (),
    series: dict[str, Any] | None = None,
) -> OutcomeLetter:
    return OutcomeLetter(
        purpose=purpose,
        recipient_id=person["id"],
        name=person["name"],
        email=person["email"],
        locale=person["locale"],
        values=values,
        meetings=meetings,
        series=series,
    )
