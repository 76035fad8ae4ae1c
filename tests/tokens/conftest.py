"""The API in-process on both stores, with the team's and the auditor's configured tokens."""

from __future__ import annotations

from tests.api.conftest import auditor, client, flask_app, series, services, team  # noqa: F401
