"""The composition root: builds the long-lived objects of one process."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field

from audit.database import StoreDatabase
from audit.registration_expiry import expire_overdue
from audit.server_keys import ServerKeys
from audit.wiring import Audit, bind_keys, sealed_personal_data
from domain.clock import Clock
from peerlearning.application import translated_store_errors
from peerlearning.enrollment_commands import PeerLearningApp
from peerlearning.errors import StoreUnavailable
from peerlearning.links import Links
from peerlearning.settings import (
    SettingError,
    StoreSettings,
    describe,
    psycopg_conninfo,
    store_settings,
)
from peerlearning.startup import one_at_a_time
from projections.catalogue_view import CatalogueView
from projections.db import ViewDb
from projections.model_projects_view import ModelProjectsView
from projections.participation_view import ParticipationView
from projections.poller import Poller
from projections.projector import Projector
from projections.queries import ViewQueries
from projections.registrations_view import RegistrationsView
from projections.roster_view import RosterView
from projections.view import View

log = logging.getLogger(__name__)
LINK_KEY = "links"


def core_views() -> list[View]:
    from scheduler.dispatch_view import DispatchView

    return [
        CatalogueView(),
        RosterView(),
        ModelProjectsView(),
        ParticipationView(),
        DispatchView(),
        RegistrationsView(),
    ]


@dataclass
class Services:
    settings: StoreSettings
    app: PeerLearningApp
    db: ViewDb
    projector: Projector
    views: ViewQueries
    audit: Audit
    pollers: list[Poller] = field(default_factory=list)
    _links: Links | None = None

    @property
    def links(self) -> Links:
        """Signed links for the public, with the store's own key (made on first use)."""
        if self._links is None:
            self._links = Links(ServerKeys(StoreDatabase(self.app)).key(LINK_KEY))
        return self._links

    def expire_registrations(self) -> int:
        """Erases the people of registrations left unconfirmed for seven days."""
        return len(expire_overdue(self.app, self.audit.keys, self.views))

    def catch_up(self) -> None:
        """Brings the views and the audit chain up to events other processes recorded."""
        self.projector.catch_up()
        self.audit.chain.catch_up(self.app)

    def start_polling(self, interval: float = 0.5) -> Poller:
        poller = Poller(self, interval).start()
        self.pollers.append(poller)
        return poller

    def close(self) -> None:
        for poller in self.pollers:
            poller.stop()
        self.db.close()
        self.app.close()


def bootstrap(
    settings: StoreSettings | None = None,
    clock: Clock | None = None,
    extra_views: Sequence[View] = (),
) -> Services:
    """Opens the store, the views and the projector; commands then read their own writes."""
    settings = settings or store_settings()
    app = open_application(settings, clock)
    audit = Audit.of(app)
    audit.chain.catch_up(app)
    db = ViewDb(settings)
    projector = Projector(app, db, _distinct([*core_views(), *extra_views]))
    app.inline.add(projector)  # each command's events reach the views in its transaction
    projector.catch_up()
    return Services(settings, app, db, projector, ViewQueries(db), audit)


def _distinct(views: list[View]) -> list[View]:
    """One view of each kind: applying a view twice would count every event twice."""
    kinds = {type(v): v for v in reversed(views)}
    return [v for v in views if kinds[type(v)] is v]


def open_application(
    settings: StoreSettings | None = None, clock: Clock | None = None
) -> PeerLearningApp:
    """Opens the store named by the setting, checks that it answers, seals personal data;
    each command's new keys and chain links commit with its events."""
    settings = settings or store_settings()
    prepare_store(settings)
    sealing = sealed_personal_data()
    try:
        app = PeerLearningApp(env=settings.env, clock=clock, personal_data=sealing)
        with translated_store_errors():
            app.recorder.max_notification_id()
            with one_at_a_time(settings.env):  # their tables are made once, in turn
                bind_keys(app, sealing)
                Audit.of(app).chain_each_command(app)
    except (StoreUnavailable, OSError) as error:
        raise SettingError(f"{describe(settings)} cannot be used: {error}") from error
    except Exception as error:  # the library raises many kinds while connecting
        raise SettingError(
            f"{describe(settings)} cannot be used: {type(error).__name__}: {error}"
        ) from error
    return app


def prepare_store(settings: StoreSettings) -> None:
    """Puts a SQLite file in WAL mode, or creates the PostgreSQL schema named in the URL."""
    if settings.is_sqlite:
        _use_write_ahead_log(settings)
        return
    if not settings.schema:
        return
    import psycopg

    try:
        with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{settings.schema}"')
    except psycopg.errors.UniqueViolation:
        return  # another process created it at the same moment
    except psycopg.Error as error:
        raise SettingError(
            f"{describe(settings)} cannot be reached: {str(error).strip()}"
        ) from error


def _use_write_ahead_log(settings: StoreSettings) -> None:
    """Switches the file to WAL once, before any pool does.

    Changing the journal mode ignores SQLite's busy timeout, so processes opening a new file at
    the same moment would fail with "database is locked"; here they wait their turn.
    """
    deadline = time.monotonic() + float(settings.env.get("SQLITE_LOCK_TIMEOUT", "5"))
    while True:
        try:
            with closing(sqlite3.connect(settings.sqlite_path, timeout=1)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.DatabaseError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise SettingError(f"{describe(settings)} cannot be used: {error}") from error
            time.sleep(0.05)
