"""The registrations read model: its table, handlers and reads (for the team's review)."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.registration import Registration, RegistrationState
from domain.values import ERASED
from projections.rows import decode_row
from projections.tables import Table
from projections.view import Batch, iso_moment, key
from store.db import ViewDb

R = Registration

REGISTRATIONS = Table(
    name="view_registrations",
    key="registration_id",
    columns=(
        "registration_id",
        "peer_learning_id",
        "municipality_name",
        "municipality_key",
        "state",
        "people",
        "submitted_at",
        "updated_at",
        "enrollment_id",
        "reason",
    ),
    json_columns=frozenset({"people"}),
    indexes=("state, submitted_at",),
)


def _people(contact: Any, participants: Any) -> list[dict[str, Any]]:
    return [
        {
            "subject_id": str(p.participant_id),
            "name": p.person.name,
            "email": p.person.email,
            "locale": str(p.locale),
            "contact": i == 0,
        }
        for i, p in enumerate((contact, *participants))
    ]


def _erased(person: dict[str, Any], subject_id: str) -> dict[str, Any]:
    if person["subject_id"] != subject_id:
        return person
    return {**person, "name": ERASED, "email": ERASED}


class RegistrationsView:
    name = "registrations"
    tables: tuple[Table, ...] = (REGISTRATIONS,)
    reads: tuple[type, ...] = (R.Event,)

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if isinstance(event, R.Submitted):
            batch.rows.put(REGISTRATIONS, self._submitted(event))
            return
        if not isinstance(event, R.Event):
            return
        row = batch.rows.get(REGISTRATIONS, key(event.originator_id))
        if row is None:
            return
        row["updated_at"] = iso_moment(event.timestamp)
        self._change(event, row)
        batch.rows.touch(REGISTRATIONS, row)

    def _submitted(self, event: Any) -> dict[str, Any]:
        return {
            "registration_id": key(event.originator_id),
            "peer_learning_id": key(event.peer_learning_id),
            "municipality_name": event.municipality.name,
            "municipality_key": event.municipality.key,
            "state": RegistrationState.AWAITING_CONFIRMATION.value,
            "people": _people(event.contact, event.participants),
            "submitted_at": iso_moment(event.submitted_at),
            "updated_at": iso_moment(event.timestamp),
            "enrollment_id": None,
            "reason": None,
        }

    def _change(self, event: Any, row: dict[str, Any]) -> None:
        if isinstance(event, R.Resubmitted):
            row.update(
                state=RegistrationState.AWAITING_CONFIRMATION.value,
                people=_people(event.contact, event.participants),
                submitted_at=iso_moment(event.submitted_at),
                enrollment_id=None,
                reason=None,
            )
        elif isinstance(event, R.Confirmed):
            row["state"] = RegistrationState.CONFIRMED.value
        elif isinstance(event, R.Accepted):  # the people live on in the roster
            row.update(
                state=RegistrationState.ACCEPTED.value,
                enrollment_id=key(event.enrollment_id),
                people=[],
            )
        elif isinstance(event, R.Declined):  # no plain copy is kept of people turned away
            row.update(state=RegistrationState.DECLINED.value, reason=event.reason, people=[])
        elif isinstance(event, R.Expired):
            row.update(state=RegistrationState.EXPIRED.value, people=[])
        elif isinstance(event, R.PersonalDataErased):
            row["people"] = [_erased(p, str(event.subject_id)) for p in row["people"] or []]


class RegistrationQueries:
    """Reads of the registrations view."""

    def __init__(self, db: ViewDb) -> None:
        self.db = db

    def list(self, state: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
        """In one state (or all), changed at `since` (an ISO moment) or later."""
        conditions = [("state = ?", state), ("updated_at >= ?", since)]
        chosen = [(sql, value) for sql, value in conditions if value is not None]
        where = ("WHERE " + " AND ".join(sql for sql, _ in chosen)) if chosen else ""
        params = [value for _, value in chosen]
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT {', '.join(REGISTRATIONS.columns)} FROM {REGISTRATIONS.name} "
                f"{where} ORDER BY submitted_at, registration_id",
                params,
            )
        return [_item(row) for row in found]

    def one(self, registration_id: Any) -> dict[str, Any] | None:
        with self.db.transaction() as tx:
            found = tx.fetchone(
                f"SELECT {', '.join(REGISTRATIONS.columns)} FROM {REGISTRATIONS.name} "
                "WHERE registration_id = ?",
                [key(registration_id)],
            )
        return None if found is None else _item(found)


def _item(found: Any) -> dict[str, Any]:
    return decode_row(REGISTRATIONS, found)
