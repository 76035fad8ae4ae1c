"""Reads of the roster view: enrolments, participants, recipients, participation by place."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from projections.catalogue.tables import CATALOGUE
from projections.roster.shapes import enrollment_item, participant_item, participation_item
from projections.roster.tables import ENROLLMENTS, PARTICIPANTS
from projections.rows import decode_row
from store.db import Tx, ViewDb

ENROLLMENT_COLUMNS = ", ".join(ENROLLMENTS.columns)
PARTICIPANT_COLUMNS = ", ".join(PARTICIPANTS.columns)
PARTICIPATION_NAMES = (
    "municipality",
    "key",
    "peer_learning_id",
    "title",
    "enrollment_id",
    "status",
    "registered_at",
)
PERSON_NAMES = (
    "participant_id",
    "name",
    "email",
    "locale",
    "timezone",
    "enrollment_id",
    "status",
    "taking_part",
)


class RosterQueries:
    def __init__(self, db: ViewDb) -> None:
        self.db = db

    def roster(self, peer_learning_id: UUID | str) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT {ENROLLMENT_COLUMNS} FROM view_enrollments "
                "WHERE peer_learning_id = ? ORDER BY registered_at, enrollment_id",
                [str(peer_learning_id)],
            )
            return [self._enrollment(tx, decode_row(ENROLLMENTS, r)) for r in found]

    def enrollment(self, enrollment_id: UUID | str) -> dict[str, Any] | None:
        with self.db.transaction() as tx:
            found = tx.fetchone(
                f"SELECT {ENROLLMENT_COLUMNS} FROM view_enrollments WHERE enrollment_id = ?",
                [str(enrollment_id)],
            )
            return None if found is None else self._enrollment(tx, decode_row(ENROLLMENTS, found))

    def _enrollment(self, tx: Tx, row: dict[str, Any]) -> dict[str, Any]:
        participants = tx.fetchall(
            f"SELECT {PARTICIPANT_COLUMNS} FROM view_participants "
            "WHERE enrollment_id = ? ORDER BY joined_at, participant_id",
            [row["enrollment_id"]],
        )
        return enrollment_item(row, [decode_row(PARTICIPANTS, p) for p in participants])

    def declined(self, meeting_id: UUID | str) -> set[UUID]:
        """The participants who said they cannot attend the meeting."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT participant_id FROM view_meeting_declines WHERE meeting_id = ?",
                [str(meeting_id)],
            )
        return {UUID(r[0]) for r in found}

    def participant(self, participant_id: UUID | str) -> dict[str, Any] | None:
        with self.db.transaction() as tx:
            found = tx.fetchone(
                f"SELECT {PARTICIPANT_COLUMNS} FROM view_participants WHERE participant_id = ?",
                [str(participant_id)],
            )
        return None if found is None else participant_item(decode_row(PARTICIPANTS, found))

    def recipients(self, peer_learning_id: UUID | str) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT p.{', p.'.join(PARTICIPANTS.columns)} FROM view_participants p "
                "JOIN view_enrollments e ON e.enrollment_id = p.enrollment_id "
                "WHERE p.peer_learning_id = ? AND e.status = 'admitted' "
                "AND p.left_at IS NULL AND p.email <> 'erased' "
                "ORDER BY p.joined_at, p.participant_id",
                [str(peer_learning_id)],
            )
        return [participant_item(decode_row(PARTICIPANTS, r)) for r in found]

    def people(
        self, peer_learning_id: UUID | str, statuses: tuple[str, ...]
    ) -> list[dict[str, Any]]:
        """The active participants and the contacts of the series' enrolments in `statuses`,
        with their enrolment's id and status; a contact who also takes part comes twice."""
        marks = ", ".join("?" for _ in statuses)
        with self.db.transaction() as tx:
            taking_part = tx.fetchall(
                "SELECT p.participant_id, p.name, p.email, p.locale, p.timezone, "
                "p.enrollment_id, e.status, 1 FROM view_participants p "
                "JOIN view_enrollments e ON e.enrollment_id = p.enrollment_id "
                f"WHERE p.peer_learning_id = ? AND e.status IN ({marks}) "
                "AND p.left_at IS NULL AND p.email <> 'erased' "
                "ORDER BY p.joined_at, p.participant_id",
                [str(peer_learning_id), *statuses],
            )
            contacts = tx.fetchall(
                "SELECT contact_subject_id, contact_name, contact_email, contact_locale, NULL, "
                "enrollment_id, status, 0 FROM view_enrollments "
                f"WHERE peer_learning_id = ? AND status IN ({marks}) "
                "AND contact_email <> 'erased' ORDER BY registered_at, enrollment_id",
                [str(peer_learning_id), *statuses],
            )
        return [dict(zip(PERSON_NAMES, row, strict=True)) for row in (*taking_part, *contacts)]

    def participation(self, municipality: str | None = None) -> list[dict[str, Any]]:
        """Every enrolment by municipality, with its series' title (read from the catalogue)."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT e.municipality_name, e.municipality_key, e.peer_learning_id, c.title, "
                "e.enrollment_id, e.status, e.registered_at FROM view_enrollments e "
                f"JOIN {CATALOGUE.name} c ON c.id = e.peer_learning_id "
                "ORDER BY e.municipality_name, e.registered_at"
            )
        items = [participation_item(dict(zip(PARTICIPATION_NAMES, r, strict=True))) for r in found]
        if not municipality:
            return items
        wanted = municipality.strip().casefold()
        return [i for i in items if i["municipality"].casefold() == wanted or i["key"] == wanted]
