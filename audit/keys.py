"""One secret key per person, kept next to the events; deleting it shreds their data."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from audit.key_cache import cache_for
from store.app_db import AppDb
from store.db import Tx
from store.inline import StoreTx, Written

KEY_BYTES = 32
TABLE = "personal_data_keys"


class KeyStore:
    """Keys by subject; an erased subject keeps a tombstone row without key."""

    def __init__(self, db: AppDb) -> None:
        self.db = db
        self.table = db.table(TABLE)
        self.cache = cache_for(db.datastore)
        self._drafts = threading.local()
        with db.transaction(write=True) as tx:
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {self.table} ("
                "subject_id TEXT PRIMARY KEY, "
                f"secret {db.blob}, "
                "created_at TEXT NOT NULL, "
                "erased_at TEXT)"
            )

    def key_for(self, subject_id: UUID) -> bytes | None:
        """The subject's key, made on first use; None once the subject was erased."""
        known = self.find(subject_id)
        if known is not None:
            return known
        with self.db.transaction(write=True) as tx:
            tx.execute(
                f"INSERT INTO {self.table} (subject_id, secret, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (subject_id) DO NOTHING",
                (str(subject_id), os.urandom(KEY_BYTES), _now()),
            )
            made = self._select(tx, subject_id)
        key = _secret(made) if made else None
        self.cache.remember(str(subject_id), key)
        return key

    def sealing_key(self, subject_id: UUID) -> bytes | None:
        """The key to seal with while a command is encoded: a new person's key is a draft,
        stored by `write` in the command's transaction, or never."""
        drafts = self.drafts()
        if str(subject_id) in drafts:
            return drafts[str(subject_id)]
        known = self.find(subject_id)
        if known is not None or self.is_known_erased(subject_id):
            return known
        drafts[str(subject_id)] = key = os.urandom(KEY_BYTES)
        return key

    def drafts(self) -> dict[str, bytes]:
        drafts: dict[str, bytes] | None = getattr(self._drafts, "keys", None)
        if drafts is None:
            drafts = self._drafts.keys = {}
        return drafts

    def write(self, store: StoreTx, written: Sequence[Written]) -> None:
        """Stores the drafted keys; a key another command stored first fails this one (the
        store refuses the duplicate, and the command answers as a concurrent write)."""
        drafts = self.drafts()
        if not drafts:
            return
        now = _now()
        store.tx().executemany(  # queued in the recorder's pipeline on PostgreSQL
            f"INSERT INTO {self.table} (subject_id, secret, created_at) VALUES (?, ?, ?)",
            [(subject, key, now) for subject, key in drafts.items()],
        )

    def committed(self) -> None:
        for subject, key in self.drafts().items():
            self.cache.remember(subject, key)
        self.abandoned()

    def abandoned(self) -> None:
        self._drafts.keys = {}

    def is_known_erased(self, subject_id: UUID) -> bool:
        """Erased as far as the cache knows (`find` looked in the store already)."""
        known, key = self.cache.get(str(subject_id))
        return known and key is None

    def find(self, subject_id: UUID) -> bytes | None:
        self._refresh_if_due()
        known, key = self.cache.get(str(subject_id))
        if known:
            return key
        row = self._row(subject_id)
        if row is None:
            return None
        key = _secret(row)
        self.cache.remember(str(subject_id), key)
        return key

    def _refresh_if_due(self) -> None:
        if not self.cache.due():
            return
        with self.db.transaction() as tx:
            (generation,) = tx.fetchone(f"SELECT COUNT(*) FROM {self.table} WHERE secret IS NULL")
            if generation == self.cache.generation:
                self.cache.checked()
                return
            rows = tx.fetchall(f"SELECT subject_id, secret FROM {self.table}")
        self.cache.load(int(generation), rows)

    def is_erased(self, subject_id: UUID) -> bool:
        row = self._row(subject_id)
        return row is not None and row[0] is None

    def shred(self, subject_id: UUID) -> None:
        """Deletes the key and leaves a tombstone, so no new key is ever made.

        On SQLite the key's bytes are zeroed at once (secure deletion); the erasure then
        reclaims the table with the others that held the person's data.
        """
        with self.db.transaction(write=True) as tx:
            tx.execute(f"DELETE FROM {self.table} WHERE subject_id = ?", (str(subject_id),))
            tx.execute(
                f"INSERT INTO {self.table} (subject_id, secret, created_at, erased_at) "
                "VALUES (?, NULL, ?, ?)",
                (str(subject_id), _now(), _now()),
            )
        self.cache.remember(str(subject_id), None)

    def _row(self, subject_id: UUID) -> tuple[bytes | None] | None:
        row = self.db.read_one(
            f"SELECT secret FROM {self.table} WHERE subject_id = ?", (str(subject_id),)
        )
        return None if row is None else (row[0],)

    def _select(self, tx: Tx, subject_id: UUID) -> tuple[bytes | None] | None:
        row = tx.fetchone(
            f"SELECT secret FROM {self.table} WHERE subject_id = ?", (str(subject_id),)
        )
        return None if row is None else (row[0],)


def _secret(row: tuple[bytes | None]) -> bytes | None:
    return bytes(row[0]) if row[0] is not None else None


def _now() -> str:
    return datetime.now(UTC).isoformat()
