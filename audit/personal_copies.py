"""The plain copies of a person's name and e-mail address outside the sealed events.

The stored events and snapshots hold names and addresses sealed (ciphertext only). Plain
copies are kept in:

- `view_participants` (name, email) and `view_enrollments` (contact_name, contact_email),
  the roster the team reads;
- `view_reminder_dispatches` (reason): a mail server's answer may quote the recipient;
- `personal_data_keys`: not the data, but the key that opens it.

An erasure blanks the copies, and the store then reclaims these tables (see
`AppDb.reclaim`).
"""

from __future__ import annotations

import re
from uuid import UUID

from audit.keys import TABLE as KEYS
from domain.values import ERASED, PersonalData
from store.app_db import AppDb
from store.db import Tx

PARTICIPANTS = "view_participants"
ENROLLMENTS = "view_enrollments"
DISPATCHES = "view_reminder_dispatches"
HOLDING_PERSONAL_DATA = (PARTICIPANTS, ENROLLMENTS, DISPATCHES, KEYS)
PERSONAL_COLUMNS = {
    PARTICIPANTS: ("name", "email"),
    ENROLLMENTS: ("contact_name", "contact_email"),
    DISPATCHES: ("reason",),
    KEYS: ("secret",),
}


class PersonalCopies:
    """Blanks one person's plain copies in the view tables of one store."""

    def __init__(self, db: AppDb) -> None:
        self.db = db

    def scrub_reasons(self, person: PersonalData) -> None:
        """Takes the person's name and address out of their dispatches' failure reasons.

        Needs the plain values, so it runs while the key still exists.
        """
        if person.is_erased or DISPATCHES not in self.db.existing([DISPATCHES]):
            return
        table = self.db.table(DISPATCHES)
        with self.db.transaction(write=True) as tx:
            rows = tx.fetchall(
                f"SELECT dispatch_id, reason FROM {table} "
                "WHERE participant_id = ? AND reason IS NOT NULL",
                (str(person.subject_id),),
            )
            for dispatch_id, reason in rows:
                _rewrite_reason(tx, table, dispatch_id, reason, person)

    def blank(self, subject_id: UUID) -> None:
        """Writes "erased" over the roster's copies, as the roster view does on its own."""
        present = self.db.existing([PARTICIPANTS, ENROLLMENTS])
        with self.db.transaction(write=True) as tx:
            if PARTICIPANTS in present:
                tx.execute(
                    f"UPDATE {self.db.table(PARTICIPANTS)} SET name = ?, email = ? "
                    "WHERE participant_id = ?",
                    (ERASED, ERASED, str(subject_id)),
                )
            if ENROLLMENTS in present:
                tx.execute(
                    f"UPDATE {self.db.table(ENROLLMENTS)} SET contact_name = ?, "
                    "contact_email = ? WHERE contact_subject_id = ?",
                    (ERASED, ERASED, str(subject_id)),
                )

    def reclaim(self) -> None:
        self.db.reclaim(HOLDING_PERSONAL_DATA, samples=PERSONAL_COLUMNS)


def _rewrite_reason(
    tx: Tx, table: str, dispatch_id: str, reason: str, person: PersonalData
) -> None:
    scrubbed = without_person(reason, person)
    if scrubbed != reason:
        tx.execute(f"UPDATE {table} SET reason = ? WHERE dispatch_id = ?", (scrubbed, dispatch_id))


def without_person(text: str, person: PersonalData) -> str:
    """The text with every spelling of the person's name and address (any case) erased."""
    for value in sorted({person.name, person.email} - {""}, key=len, reverse=True):
        text = re.sub(re.escape(value), ERASED, text, flags=re.IGNORECASE)
    return text
