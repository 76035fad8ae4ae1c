"""What the audit adds to a process: sealed personal data, the key store, the chain."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from eventsourcing.application import Application

from audit.chain import Verification
from audit.chain_store import ChainStore
from audit.keys import KeyStore
from audit.log import head_position, stored_records
from audit.sealing import SealedPersonalData
from audit.verification import verify_records
from store.app_db import AppDb
from store.inline import Inline


def sealed_personal_data() -> SealedPersonalData:
    """Pass as `personal_data=` when constructing the application, then `bind_keys`."""
    return SealedPersonalData()


def bind_keys(app: Application[UUID], sealing: SealedPersonalData) -> None:
    """Seals with keys kept in the store; a new person's key commits with the command."""
    keys = KeyStore(AppDb(app))
    sealing.bind(keys)
    inline_of(app).add(keys)


def inline_of(app: Application[UUID]) -> Inline:
    inline = getattr(app.recorder, "inline", None)
    if not isinstance(inline, Inline):
        raise TypeError(f"{type(app.recorder).__name__} runs no work in the events' transaction")
    return inline


@dataclass
class Audit:
    keys: KeyStore
    chain: ChainStore

    @classmethod
    def of(cls, app: Application[UUID]) -> Audit:
        db = AppDb(app)
        events_table = str(getattr(app.recorder, "events_table_name", "stored_events"))
        return cls(keys=KeyStore(db), chain=ChainStore(db, events_table))

    def chain_each_command(self, app: Application[UUID]) -> None:
        """Links every command's events in the transaction that stores them."""
        inline_of(app).add(self.chain)

    def verify(self, app: Application[UUID]) -> Verification:
        """Reads the kept head first: every link up to it has its event, unless deleted."""
        kept = self.chain.head()
        kept_until = kept[0] if kept else 0
        events_until = max(head_position(app), kept_until)
        return verify_records(
            stored_records(app, until=events_until), self.chain.rows(until=kept_until)
        )
