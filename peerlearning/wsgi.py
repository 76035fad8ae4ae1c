"""For WSGI servers: `gunicorn 'peerlearning.wsgi:create()'`; reminders run as their own process."""

from __future__ import annotations

from flask import Flask

from peerlearning.http_app import create_app


def create() -> Flask:
    """Builds the app on the store named by PEERLEARNING_DATABASE_URL, once per worker."""
    from peerlearning.bootstrap import bootstrap
    from runtime.log_format import configure_logging

    configure_logging()
    services = bootstrap()
    services.hold_in_service()
    services.start_polling()
    return create_app(services=services)
