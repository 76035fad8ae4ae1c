"""`peerlearning serve`: the API and the reminder scheduler in one process, under waitress."""

from __future__ import annotations

import logging
import os
import secrets
import signal
from typing import Any

from waitress import create_server

from api.auth import TOKENS, parse_tokens
from application.links import public_url_setting
from demo.catalogue import is_empty, load_demo
from peerlearning.bootstrap import Services, bootstrap
from peerlearning.draining import Draining
from peerlearning.http_app import create_app
from runtime.errors import SettingError
from scheduler.embedded import start_embedded

log = logging.getLogger(__name__)
DEMO_MEMBERS = (("koordination", "team"), ("pruefung", "auditor"))
THREADS = 8


def demo_tokens() -> str:
    return ",".join(f"{name}:{role}:{secrets.token_urlsafe(18)}" for name, role in DEMO_MEMBERS)


def load_demo_if_empty(services: Services) -> None:
    if not is_empty(services):
        print("The store already holds events; the demo catalogue is not loaded.", flush=True)
        return
    count = load_demo(services, progress=True)
    print(f"Loaded the demo catalogue: {count} Peer-Learnings.", flush=True)


def listen(app: Any, host: str, port: int) -> Any:
    try:
        return create_server(app, host=host, port=port, threads=THREADS)
    except OSError as error:
        raise SettingError(
            f"Cannot listen on {host}:{port} ({error.strerror or error}); "
            "choose another --port or stop what uses it."
        ) from error


def print_tokens(tokens: str | None) -> None:
    if tokens:
        print("Demo tokens (send as Authorization: Bearer <token>):", flush=True)
        for name, role, token in (entry.split(":", 2) for entry in tokens.split(",")):
            print(f"  {name} ({role}): {token}", flush=True)
    elif configured := parse_tokens(os.environ.get(TOKENS, "")):
        names = ", ".join(f"{member.name} ({member.role})" for member in configured)
        print(f"Tokens from {TOKENS} for: {names}.", flush=True)
    else:
        print(f"No {TOKENS} set: reads work, every write answers 401.", flush=True)


def listening_address(server: Any) -> str:
    listening = getattr(server, "effective_listen", None)
    host, port = (listening or [(server.effective_host, server.effective_port)])[0]
    shown = f"[{host}]" if ":" in str(host) else host
    return f"http://{shown}:{port}"


def print_listening(server: Any) -> None:
    listening = getattr(server, "effective_listen", None)
    for host, port in listening or [(server.effective_host, server.effective_port)]:
        shown = f"[{host}]" if ":" in str(host) else host
        address = f"http://{shown}:{port}"
        print(
            f"Peer-Learnings listening on {address} "
            f"(public page {address}/, API docs {address}/docs)",
            flush=True,
        )


def serve(host: str, port: int, demo: bool = False, reminders: bool = True) -> int:
    tokens = demo_tokens() if demo and not os.environ.get(TOKENS) else None
    services = bootstrap()
    scheduler = None
    try:
        services.hold_in_service()
        if demo:
            load_demo_if_empty(services)
        app = create_app({TOKENS: tokens} if tokens else None, services)
        server = listen(app, host, port)
        services.links.public_url = public_url_setting() or listening_address(server)
        services.start_polling()
        scheduler = start_embedded(services) if reminders else None
        draining = Draining(server)
        signal.signal(signal.SIGTERM, draining.stop)
        signal.signal(signal.SIGINT, draining.stop)
        print_tokens(tokens)
        print_listening(server)
        draining.run()
    finally:
        if scheduler is not None:
            scheduler.shutdown()
        services.close()
    return 0
