"""`peerlearning serve`: the API and the reminder scheduler in one process, under waitress."""

from __future__ import annotations

import importlib
import logging
import os
import secrets
import signal
from types import FrameType
from typing import Any

from waitress import create_server

from api.app import create_app
from api.auth import TOKENS
from peerlearning.bootstrap import Services, bootstrap

log = logging.getLogger(__name__)
DEMO_MEMBERS = (("koordination", "team"), ("pruefung", "auditor"))
THREADS = 8


def optional(module: str, name: str) -> Any | None:
    """A hook another package provides; None while that package does not have it."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def demo_tokens() -> str:
    return ",".join(f"{name}:{role}:{secrets.token_urlsafe(18)}" for name, role in DEMO_MEMBERS)


def open_services() -> Services:
    dispatch_views = optional("scheduler.cli", "dispatch_views")
    return bootstrap(extra_views=dispatch_views() if dispatch_views else ())


def load_demo_if_empty(services: Services) -> None:
    load_demo = optional("peerlearning.demo", "load_demo")
    if load_demo is None:
        print("The demo catalogue is not available in this installation.", flush=True)
    elif services.app.recorder.max_notification_id():
        print("The store already holds events; the demo catalogue is not loaded.", flush=True)
    else:
        count = load_demo(services, progress=True)
        print(f"Loaded the demo catalogue: {count} Peer-Learnings.", flush=True)


def start_scheduler(services: Services) -> Any | None:
    start_embedded = optional("scheduler.embedded", "start_embedded")
    if start_embedded is None:
        print("Reminders are not available in this installation.", flush=True)
        return None
    return start_embedded(services)


def print_tokens(tokens: str | None) -> None:
    if tokens:
        print("Demo tokens (send as Authorization: Bearer <token>):", flush=True)
        for name, role, token in (entry.split(":", 2) for entry in tokens.split(",")):
            print(f"  {name} ({role}): {token}", flush=True)
    elif not os.environ.get(TOKENS):
        print(f"No {TOKENS} set: reads work, every write answers 401.", flush=True)


def print_listening(server: Any) -> None:
    listening = getattr(server, "effective_listen", None)
    for host, port in listening or [(server.effective_host, server.effective_port)]:
        shown = f"[{host}]" if ":" in str(host) else host
        print(f"Peer-Learnings listening on http://{shown}:{port} (API docs at /docs)", flush=True)


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(host: str, port: int, demo: bool = False, reminders: bool = True) -> int:
    tokens = demo_tokens() if demo and not os.environ.get(TOKENS) else None
    services = open_services()
    scheduler = None
    try:
        if demo:
            load_demo_if_empty(services)
        app = create_app({TOKENS: tokens} if tokens else None, services)
        services.start_polling()
        scheduler = start_scheduler(services) if reminders else None
        server = create_server(app, host=host, port=port, threads=THREADS)
        signal.signal(signal.SIGTERM, stop_on_sigterm)
        print_tokens(tokens)
        print_listening(server)
        run(server)
    finally:
        if scheduler is not None:
            scheduler.shutdown()
        services.close()
    return 0


def run(server: Any) -> None:
    try:
        server.run()
    except KeyboardInterrupt:
        log.info("Stopping the server")
    finally:
        server.close()
