"""An application whose personal data is sealed and whose log is chained."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from audit.wiring import Audit, open_audit
from peerlearning.bootstrap import core_views, prepare_store
from peerlearning.enrollment_commands import PeerLearningApp
from peerlearning.settings import store_settings
from projections.db import ViewDb
from projections.projector import Projector
from projections.queries import ViewQueries
from tests.support.clock import FakeClock


@pytest.fixture
def audit(store_url: str) -> Iterator[Audit]:
    settings = store_settings(store_url)
    prepare_store(settings)
    opened = open_audit(settings)
    yield opened
    opened.close()


@pytest.fixture
def audited_app(store_url: str, clock: FakeClock, audit: Audit) -> Iterator[PeerLearningApp]:
    settings = store_settings(store_url)
    app = PeerLearningApp(env=settings.env, clock=clock, personal_data=audit.sealing)
    audit.follow(app)
    yield app
    app.close()


@pytest.fixture
def live_views(
    store_url: str, audited_app: PeerLearningApp
) -> Iterator[tuple[Projector, ViewQueries]]:
    """The live read models, kept up to date after every command."""
    db = ViewDb(store_settings(store_url))
    projector = Projector(audited_app, db, core_views())
    audited_app.recorded_listeners.append(lambda _: None if projector.catch_up() else None)
    yield projector, ViewQueries(db)
    db.close()
