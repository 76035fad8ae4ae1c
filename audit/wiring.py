"""What the audit adds to a process: the key store, the sealing and the chain follower."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import Recording

from audit.chain import Verification
from audit.chain_store import ChainStore
from audit.database import Database, open_database
from audit.keys import KeyStore
from audit.log import stored_records
from audit.sealing import SealedPersonalData
from audit.verification import verify_records
from peerlearning.settings import StoreSettings

log = logging.getLogger(__name__)


@dataclass
class Audit:
    db: Database
    keys: KeyStore
    chain: ChainStore
    sealing: SealedPersonalData

    def follow(self, app: Application[UUID]) -> None:
        """Chains new events after every command this process records."""

        def chain_recorded(_: list[Recording[UUID]]) -> None:
            try:
                self.chain.catch_up(app)
            except Exception:  # the write is recorded; the next command chains it
                log.exception("The audit chain could not catch up after a command")

        app.recorded_listeners.append(chain_recorded)  # type: ignore[attr-defined]

    def verify(self, app: Application[UUID]) -> Verification:
        return verify_records(stored_records(app), self.chain.rows())

    def close(self) -> None:
        self.db.close()


def open_audit(settings: StoreSettings) -> Audit:
    """Opens the audit tables; the PostgreSQL schema must exist (see prepare_store)."""
    db = open_database(settings)
    keys = KeyStore(db)
    return Audit(db=db, keys=keys, chain=ChainStore(db), sealing=SealedPersonalData(keys))
