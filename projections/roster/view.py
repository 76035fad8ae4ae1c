"""The roster's handlers: enrolments with their participants (personal data: team only)."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.enrollment import Enrollment
from domain.enrollment_state import decline_key
from domain.values import ERASED
from projections.roster.tables import DECLINES, ENROLLMENTS, PARTICIPANTS, TABLES
from projections.tables import Table
from projections.view import Batch, handlers, iso_moment, key

E = Enrollment


class RosterView:
    name = "roster"
    tables: tuple[Table, ...] = TABLES
    reads: tuple[type, ...] = (E.Event,)
    read_ahead: tuple[Table, ...] = (ENROLLMENTS,)  # keyed by aggregates

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if isinstance(event, E.Registered):
            self._registered(event, batch)
            return
        if not isinstance(event, E.Event):
            return
        enrollment = batch.rows.get(ENROLLMENTS, key(event.originator_id))
        if enrollment is None:
            return
        enrollment["version"] = event.originator_version
        self.on(event, enrollment, batch)
        batch.rows.touch(ENROLLMENTS, enrollment)

    def _registered(self, event: Any, batch: Batch) -> None:
        place, contact = event.municipality, event.contact
        batch.rows.put(
            ENROLLMENTS,
            {
                "enrollment_id": key(event.originator_id),
                "peer_learning_id": key(event.peer_learning_id),
                "municipality_name": place.name,
                "municipality_key": place.key,
                "municipality_state": place.state,
                "municipality_region": place.region,
                "contact_subject_id": key(contact.subject_id),
                "contact_name": contact.name,
                "contact_email": contact.email,
                "contact_locale": event.contact_locale,
                "status": "registered",
                "registered_at": iso_moment(event.timestamp),
                "ended_at": None,
                "active_participants": 0,
                "version": event.originator_version,
            },
        )

    @handlers
    def on(self, event: Any, enrollment: dict[str, Any], batch: Batch) -> None:
        """Events this view does not need change only the version."""

    @on.register
    def _(self, event: E.Admitted, enrollment: dict[str, Any], batch: Batch) -> None:
        enrollment["status"] = "admitted"

    @on.register
    def _(self, event: E.Waitlisted, enrollment: dict[str, Any], batch: Batch) -> None:
        enrollment["status"] = "waitlisted"

    @on.register
    def _(self, event: E.Rejected, enrollment: dict[str, Any], batch: Batch) -> None:
        enrollment.update(status="rejected", ended_at=iso_moment(event.timestamp))

    @on.register
    def _(self, event: E.Withdrawn, enrollment: dict[str, Any], batch: Batch) -> None:
        enrollment.update(status="withdrawn", ended_at=iso_moment(event.timestamp))

    @on.register
    def _(self, event: E.ParticipantJoined, enrollment: dict[str, Any], batch: Batch) -> None:
        p = event.participant
        batch.rows.put(
            PARTICIPANTS,
            {
                "participant_id": key(p.participant_id),
                "enrollment_id": enrollment["enrollment_id"],
                "peer_learning_id": enrollment["peer_learning_id"],
                "name": p.person.name,
                "email": p.person.email,
                "locale": p.locale,
                "timezone": p.timezone,
                "joined_at": iso_moment(p.joined_at or event.timestamp),
                "left_at": None,
            },
        )
        enrollment["active_participants"] += 1

    @on.register
    def _(self, event: E.ParticipantLeft, enrollment: dict[str, Any], batch: Batch) -> None:
        participant = batch.rows.get(PARTICIPANTS, key(event.participant_id))
        if participant is not None:
            participant["left_at"] = iso_moment(event.left_at)
            batch.rows.touch(PARTICIPANTS, participant)
        enrollment["active_participants"] -= 1

    @on.register
    def _(self, event: E.ParticipantCorrected, enrollment: dict[str, Any], batch: Batch) -> None:
        participant = batch.rows.get(PARTICIPANTS, key(event.participant_id))
        if participant is not None:
            participant.update(
                name=event.person.name,
                email=event.person.email,
                locale=event.locale,
                timezone=event.timezone,
            )
            batch.rows.touch(PARTICIPANTS, participant)

    @on.register
    def _(self, event: E.ContactCorrected, enrollment: dict[str, Any], batch: Batch) -> None:
        enrollment.update(contact_name=event.contact.name, contact_email=event.contact.email)

    @on.register
    def _(self, event: E.PersonalDataErased, enrollment: dict[str, Any], batch: Batch) -> None:
        subject = key(event.subject_id)
        if enrollment["contact_subject_id"] == subject:
            enrollment.update(contact_name=ERASED, contact_email=ERASED)
        participant = batch.rows.get(PARTICIPANTS, subject)
        if participant is not None:
            participant.update(name=ERASED, email=ERASED)
            batch.rows.touch(PARTICIPANTS, participant)

    @on.register
    def _(self, event: E.MeetingDeclined, enrollment: dict[str, Any], batch: Batch) -> None:
        batch.rows.put(
            DECLINES,
            {
                "decline_id": decline_key(event.participant_id, event.meeting_id),
                "participant_id": key(event.participant_id),
                "enrollment_id": enrollment["enrollment_id"],
                "peer_learning_id": enrollment["peer_learning_id"],
                "meeting_id": key(event.meeting_id),
                "declined_at": iso_moment(event.timestamp),
            },
        )

    @on.register
    def _(self, event: E.DeclineWithdrawn, enrollment: dict[str, Any], batch: Batch) -> None:
        batch.rows.delete(DECLINES, decline_key(event.participant_id, event.meeting_id))
