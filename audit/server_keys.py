"""The server's own keys, kept in the store beside the personal-data keys.

`token`: the HMAC-SHA-256 key that turns a token's secret into the digest the store keeps.
`pseudonym`: the HMAC-SHA-256 key that turns a person's id into the pseudonym auditors read.
Each is made once, on first use, by whichever process comes first; every process on the store
then uses the same one. Setting `PEERLEARNING_TOKEN_KEY` (at least 32 characters) keeps the
token key outside the store instead: a copy of the store alone then cannot test guessed tokens.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime

from runtime.errors import SettingError
from store.app_db import AppDb

TABLE = "server_keys"
KEY_BYTES = 32
TOKEN_KEY = "token"
PSEUDONYM_KEY = "pseudonym"
TOKEN_KEY_SETTING = "PEERLEARNING_TOKEN_KEY"
SHORTEST_SETTING = 32


class ServerKeys:
    def __init__(self, db: AppDb) -> None:
        self.db = db
        self.table = db.table(TABLE)
        self._known: dict[str, bytes] = {}
        self._lock = threading.Lock()
        with db.transaction(write=True) as tx:
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {self.table} ("
                f"purpose TEXT PRIMARY KEY, secret {db.blob} NOT NULL, created_at TEXT NOT NULL)"
            )

    def key(self, purpose: str) -> bytes:
        with self._lock:
            if purpose not in self._known:
                self._known[purpose] = _configured(purpose) or self._kept(purpose)
            return self._known[purpose]

    def _kept(self, purpose: str) -> bytes:
        with self.db.transaction(write=True) as tx:
            tx.execute(
                f"INSERT INTO {self.table} (purpose, secret, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (purpose) DO NOTHING",
                (purpose, os.urandom(KEY_BYTES), datetime.now(UTC).isoformat()),
            )
            (secret,) = tx.fetchone(
                f"SELECT secret FROM {self.table} WHERE purpose = ?", (purpose,)
            )
        return bytes(secret)


def check_token_key_setting() -> None:
    """Refuses a too short `PEERLEARNING_TOKEN_KEY` at start, not at the first request."""
    _configured(TOKEN_KEY)


def _configured(purpose: str) -> bytes | None:
    if purpose != TOKEN_KEY:
        return None
    text = os.environ.get(TOKEN_KEY_SETTING, "")
    if not text:
        return None
    if len(text) < SHORTEST_SETTING:
        raise SettingError(f"{TOKEN_KEY_SETTING} must be at least {SHORTEST_SETTING} characters.")
    return text.encode()
