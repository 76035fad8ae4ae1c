"""A store that cannot take a write says so as StoreUnavailable, and records nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from application.app import PeerLearningApp
from peerlearning.bootstrap import open_application
from store.errors import StoreUnavailable
from store.settings import store_settings
from tests.integration.raw_store import writes_locked
from tests.support.samples import announce


@pytest.fixture
def impatient(store_url: str) -> Iterator[PeerLearningApp]:
    """An application that waits one second for a lock instead of five."""
    settings = store_settings(store_url)
    env = {**settings.env, "SQLITE_LOCK_TIMEOUT": "1", "POSTGRES_LOCK_TIMEOUT": "1"}
    application = open_application(replace(settings, env=env))
    yield application
    application.close()


def test_a_locked_store_is_unavailable_not_a_library_error(
    impatient: PeerLearningApp, store_url: str
) -> None:
    series_id = announce(impatient)
    with writes_locked(impatient, store_url), pytest.raises(StoreUnavailable) as refused:
        impatient.set_joining(series_id, open=False, actor="anna")
    assert "retry in a moment" in str(refused.value)
    assert refused.value.retry_after > 0
    assert impatient.series(series_id).joining_open
    impatient.set_joining(series_id, open=False, actor="anna")
    assert not impatient.series(series_id).joining_open
