"""How the API and the bare baseline are served for the HTTP figures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench import bare
from bench.serving import Server, gunicorn, workers_for
from store.settings import StoreSettings

TOKEN = "bench-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}


def api_spec() -> str:
    """The production WSGI entry."""
    return "peerlearning.wsgi:create()"


@contextmanager
def api_server(settings: StoreSettings, wait: bool = True) -> Iterator[Server]:
    env = {
        "PEERLEARNING_DATABASE_URL": settings.url,
        "PEERLEARNING_TOKENS": f"bench:team:{TOKEN}",
        "PEERLEARNING_RATE_LIMIT": "off",  # one client address sends everything here
    }
    with gunicorn(api_spec(), env, workers_for(settings.url), wait) as server:
        yield server


@contextmanager
def bare_server(
    settings: StoreSettings, synchronous: int = 2, bodies: Path | None = None, wait: bool = True
) -> Iterator[Server]:
    env = {bare.STORE: settings.url, bare.SYNCHRONOUS: str(synchronous)}
    if bodies is not None:
        env[bare.BODIES] = str(bodies)
    spec = "bench.bare:create_bare_app()"
    with gunicorn(spec, env, workers_for(settings.url), wait) as server:
        yield server
