"""The composition root: builds the long-lived objects of one process."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from application.app import PeerLearningApp
from application.links import Links
from application.store_application import translated_store_errors
from audit.registration_expiry import expire_overdue
from audit.server_keys import ServerKeys
from audit.wiring import Audit, bind_keys, sealed_personal_data
from domain.clock import Clock
from projections.poller import Poller
from projections.projector import Projector
from projections.queries import ViewQueries
from projections.registry import CORE_VIEWS
from projections.view import View
from runtime.errors import SettingError
from store.app_db import AppDb
from store.db import ViewDb
from store.errors import StoreUnavailable
from store.preparation import prepare_store
from store.service_lock import ServiceLock
from store.settings import (
    StoreSettings,
    describe,
    store_settings,
)
from store.startup import one_at_a_time

log = logging.getLogger(__name__)
LINK_KEY = "links"


def core_views() -> list[View]:
    from scheduler.dispatch_view import SCHEDULER_VIEWS

    return [view() for view in (*CORE_VIEWS, *SCHEDULER_VIEWS)]


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
    _in_service: ServiceLock | None = None

    @property
    def links(self) -> Links:
        """Signed links for the public, with the store's own key (made on first use)."""
        if self._links is None:
            self._links = Links(ServerKeys(AppDb(self.app)).key(LINK_KEY), clock=self.app.clock)
        return self._links

    def expire_registrations(self) -> int:
        """Erases the people of registrations left unconfirmed for seven days."""
        return len(expire_overdue(self.app, self.audit.keys, self.views))

    def catch_up(self) -> None:
        """Brings the views and the audit chain up to events other processes recorded."""
        self.projector.catch_up()
        self.audit.chain.catch_up(self.app)

    def hold_in_service(self) -> None:
        """Marks the store as served by this process until `close()`: a restore is refused."""
        if self._in_service is None:
            self._in_service = ServiceLock(self.settings)

    def start_polling(self, interval: float = 0.5) -> Poller:
        poller = Poller(self, interval).start()
        self.pollers.append(poller)
        return poller

    def close(self) -> None:
        for poller in self.pollers:
            poller.stop()
        self.db.close()
        self.app.close()
        if self._in_service is not None:
            self._in_service.release()


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
    projector = Projector(app, db, [*core_views(), *extra_views])
    app.inline.add(projector)  # each command's events reach the views in its transaction
    projector.catch_up()
    return Services(settings, app, db, projector, ViewQueries(db), audit)


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
