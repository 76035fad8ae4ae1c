"""An application whose personal data is sealed and whose log is chained."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from application.app import PeerLearningApp
from audit.wiring import Audit, bind_keys, sealed_personal_data
from peerlearning.bootstrap import core_views
from projections.projector import Projector
from projections.queries import ViewQueries
from store.db import ViewDb
from store.preparation import prepare_store
from store.settings import store_settings
from tests.api.conftest import auditor, client, flask_app, series, services, team  # noqa: F401
from tests.support.clock import FakeClock


@pytest.fixture
def audited_app(store_url: str, clock: FakeClock) -> Iterator[PeerLearningApp]:
    """Personal data sealed with per-person keys kept in the same store."""
    settings = store_settings(store_url)
    prepare_store(settings)
    sealing = sealed_personal_data()
    app = PeerLearningApp(env=settings.env, clock=clock, personal_data=sealing)
    bind_keys(app, sealing)
    yield app
    app.close()


@pytest.fixture
def audit(audited_app: PeerLearningApp) -> Audit:
    """Every command's events are chained in its transaction from here on."""
    opened = Audit.of(audited_app)
    opened.chain_each_command(audited_app)
    return opened


@pytest.fixture
def live_views(
    store_url: str, audited_app: PeerLearningApp
) -> Iterator[tuple[Projector, ViewQueries]]:
    """The live read models, written in every command's transaction."""
    db = ViewDb(store_settings(store_url))
    projector = Projector(audited_app, db, core_views())
    audited_app.inline.add(projector)
    yield projector, ViewQueries(db)
    db.close()
