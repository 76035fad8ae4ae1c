"""The composition root: builds the long-lived objects of one process."""

from __future__ import annotations

from domain.clock import Clock
from peerlearning.application import translated_store_errors
from peerlearning.enrollment_commands import PeerLearningApp
from peerlearning.errors import StoreUnavailable
from peerlearning.settings import SettingError, StoreSettings, describe, store_settings


def open_application(
    settings: StoreSettings | None = None, clock: Clock | None = None
) -> PeerLearningApp:
    """Opens the store named by the setting and checks that it answers."""
    settings = settings or store_settings()
    prepare_store(settings)
    try:
        app = PeerLearningApp(env=settings.env, clock=clock)
        with translated_store_errors():
            app.recorder.max_notification_id()
    except (StoreUnavailable, OSError) as error:
        raise SettingError(f"{describe(settings)} cannot be used: {error}") from error
    except Exception as error:  # the library raises many kinds while connecting
        raise SettingError(
            f"{describe(settings)} cannot be used: {type(error).__name__}: {error}"
        ) from error
    return app


def prepare_store(settings: StoreSettings) -> None:
    """Creates the PostgreSQL schema named in the URL, if any."""
    if settings.is_sqlite or not settings.schema:
        return
    import psycopg

    from peerlearning.settings import psycopg_conninfo

    try:
        with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{settings.schema}"')
    except psycopg.Error as error:
        raise SettingError(
            f"{describe(settings)} cannot be reached: {str(error).strip()}"
        ) from error
