"""What the audit adds to a process: sealed personal data, the key store, the chain."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Recording

from audit.chain import Verification
from audit.chain_store import ChainStore
from audit.database import StoreDatabase
from audit.keys import KeyStore
from audit.log import head_position, stored_records
from audit.sealing import SealedPersonalData
from audit.verification import verify_records

log = logging.getLogger(__name__)


def sealed_personal_data() -> SealedPersonalData:
    """Pass as `personal_data=` when constructing the application, then `bind_keys`."""
    return SealedPersonalData()


def bind_keys(app: Application[UUID], sealing: SealedPersonalData) -> None:
    sealing.bind(KeyStore(StoreDatabase(app)))


@dataclass
class Audit:
    keys: KeyStore
    chain: ChainStore

    @classmethod
    def of(cls, app: Application[UUID]) -> Audit:
        db = StoreDatabase(app)
        return cls(keys=KeyStore(db), chain=ChainStore(db))

    def follow(self, app: Any) -> None:
        """Chains new events after every command this process records."""

        def chain_recorded(_: list[Recording[UUID]]) -> None:
            try:
                self.chain.catch_up(app)
            except Exception:  # the write is recorded; the next command chains it
                log.warning("The audit chain could not catch up after a command", exc_info=True)

        app.recorded_listeners.append(chain_recorded)

    def verify(self, app: Application[UUID]) -> Verification:
        """Reads the kept head first: every link up to it has its event, unless deleted."""
        kept = self.chain.head()
        kept_until = kept[0] if kept else 0
        events_until = max(head_position(app), kept_until)
        return verify_records(
            stored_records(app, until=events_until), self.chain.rows(until=kept_until)
        )
