"""Reads of the dispatch view: what was claimed, sent, given up or is free to retry."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from projections.rows import decode_row
from projections.view import iso_moment, parse_moment
from scheduler.dispatch_subjects import named_as_what_it_is
from scheduler.dispatch_view import DISPATCHES
from scheduler.registration_outcomes import WITH_MEETINGS
from store.db import ViewDb

COLUMNS = ", ".join(DISPATCHES.columns)
REMINDING = "purpose IN ('reminder', 'change', 'update') AND status = 'sent'"
# Registrations retry their own mails.
OF_MEETINGS = "purpose IN ('reminder', 'change', 'update', 'cancellation')"
ENDED = ("withdrawn", "rejected")  # the enrolments whose people no longer take part
CALENDAR_MAILS = ", ".join(f"'{purpose}'" for purpose in WITH_MEETINGS)


class DispatchQueries:
    def __init__(self, db: ViewDb) -> None:
        self.db = db

    def known(self, meeting_id: UUID | str) -> set[UUID]:
        """Every dispatch of the meeting, whatever its state."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT dispatch_id FROM view_reminder_dispatches WHERE meeting_id = ?",
                [str(meeting_id)],
            )
        return {UUID(r[0]) for r in found}

    def sent(self, meeting_id: UUID | str) -> set[UUID]:
        """Every mail about the meeting that went out."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT dispatch_id FROM view_reminder_dispatches "
                "WHERE meeting_id = ? AND status = 'sent'",
                [str(meeting_id)],
            )
        return {UUID(r[0]) for r in found}

    def free_to_retry(self, now: datetime, limit: int = 500) -> list[UUID]:
        """Due mails whose lease ran out or whose retry time came."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT dispatch_id FROM view_reminder_dispatches WHERE status = 'due' "
                f"AND {OF_MEETINGS} AND free_at <= ? ORDER BY free_at, dispatch_id LIMIT ?",
                [iso_moment(now), limit],
            )
        return [UUID(r[0]) for r in found]

    def reminded(self, meeting_id: UUID | str) -> dict[UUID, int]:
        """Participants who got a reminder or change notice, with the latest version they know."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT participant_id, MAX(schedule_version) FROM view_reminder_dispatches "
                f"WHERE meeting_id = ? AND {REMINDING} GROUP BY participant_id",
                [str(meeting_id)],
            )
        return {UUID(r[0]): int(r[1]) for r in found}

    def reminded_meetings(self, starting_after: datetime) -> list[tuple[UUID, UUID]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT DISTINCT peer_learning_id, meeting_id FROM view_reminder_dispatches "
                f"WHERE {REMINDING} AND meeting_starts_at > ? ORDER BY meeting_id",
                [iso_moment(starting_after)],
            )
        return [(UUID(r[0]), UUID(r[1])) for r in found]

    def calendars_sent(self, peer_learning_id: UUID | str) -> list[tuple[UUID, datetime]]:
        """Who was sent the series' planned meetings in a calendar (an admission's, a seat's
        mail), and when its sending was recorded (the store's moment, as the series' events)."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT participant_id, updated_at FROM view_reminder_dispatches "
                f"WHERE peer_learning_id = ? AND purpose IN ({CALENDAR_MAILS}) AND status = 'sent'",
                [str(peer_learning_id)],
            )
        return [(UUID(r[0]), _moment(r[1])) for r in found]

    def cancelled_in_calendars(self, starting_after: datetime) -> list[tuple[UUID, UUID]]:
        """Cancelled meetings still ahead of the series whose calendars went out."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT DISTINCT m.peer_learning_id, m.meeting_id FROM view_meetings m "
                "WHERE m.state = 'cancelled' AND m.starts_at > ? AND EXISTS (SELECT 1 FROM "
                "view_reminder_dispatches d WHERE d.peer_learning_id = m.peer_learning_id "
                f"AND d.purpose IN ({CALENDAR_MAILS}) AND d.status = 'sent') ORDER BY m.meeting_id",
                [iso_moment(starting_after)],
            )
        return [(UUID(r[0]), UUID(r[1])) for r in found]

    def changed_in_calendars(self, starting_after: datetime) -> list[tuple[UUID, UUID]]:
        """Meetings still ahead, moved or corrected since `starting_after`, of the series
        whose calendars went out: their readers hold an older version."""
        since = iso_moment(starting_after)
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT m.peer_learning_id, m.meeting_id FROM view_meetings m "
                "WHERE m.changed_at > ? AND m.starts_at > ? AND EXISTS (SELECT 1 FROM "
                "view_reminder_dispatches d WHERE d.peer_learning_id = m.peer_learning_id "
                f"AND d.purpose IN ({CALENDAR_MAILS}) AND d.status = 'sent') ORDER BY m.meeting_id",
                [since, since],
            )
        return [(UUID(r[0]), UUID(r[1])) for r in found]

    def ahead_of_ended_enrolments(self, starting_after: datetime) -> list[tuple[UUID, UUID]]:
        """Meetings still planned of the series with an enrolment that ended (withdrawn or
        rejected) since `starting_after`: its people may hold them in their calendars. Read
        from the few enrolments that ended lately, never from every meeting ahead."""
        since = iso_moment(starting_after)
        marks = ", ".join("?" for _ in ENDED)
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT DISTINCT m.peer_learning_id, m.meeting_id FROM view_enrollments e "
                f"CROSS JOIN view_meetings m WHERE e.ended_at > ? AND e.status IN ({marks}) "
                "AND m.peer_learning_id = e.peer_learning_id "
                "AND m.state IN ('scheduled', 'rescheduled') AND m.starts_at > ? "
                "ORDER BY m.meeting_id",
                [since, *ENDED, since],
            )
        return [(UUID(r[0]), UUID(r[1])) for r in found]

    def told_of_cancellation(self, meeting_id: UUID | str) -> set[UUID]:
        """Who was sent (or is being sent, or failed to get) the meeting's cancellation, of
        whichever of its versions."""
        with self.db.transaction() as tx:
            found = tx.fetchall(
                "SELECT participant_id FROM view_reminder_dispatches "
                "WHERE meeting_id = ? AND purpose = 'cancellation'",
                [str(meeting_id)],
            )
        return {UUID(r[0]) for r in found}

    def listing(
        self,
        status: str | None = None,
        peer_learning_id: UUID | str | None = None,
        limit: int = 1000,
    ) -> list[dict[str, Any]]:
        where, params = _filters(status, peer_learning_id)
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT {COLUMNS} FROM view_reminder_dispatches{where} "
                "ORDER BY due_at, meeting_id, participant_id, dispatch_id LIMIT ?",
                [*params, limit],
            )
        return [named_as_what_it_is(dispatch_item(decode_row(DISPATCHES, r))) for r in found]


def _filters(status: str | None, peer_learning_id: UUID | str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if status:
        clauses.append("status = ?")
        params.append(status)
    if peer_learning_id:
        clauses.append("peer_learning_id = ?")
        params.append(str(peer_learning_id))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _moment(text: str) -> datetime:
    moment = parse_moment(text)
    assert moment is not None
    return moment


def dispatch_item(row: dict[str, Any]) -> dict[str, Any]:
    item = dict(row)
    for column in ("dispatch_id", "peer_learning_id", "meeting_id", "participant_id"):
        item[column] = UUID(row[column])
    for column in ("due_at", "meeting_starts_at", "free_at", "sent_at", "updated_at"):
        item[column] = parse_moment(row[column])
    item["late"] = bool(row["late"])
    item["offset"] = item.pop("reminder_offset")
    return item
