"""The bare Flask baseline served by the same gunicorn settings as the API.

`POST /raw-insert` does one raw single-row insert transaction; `GET /body/<name>` returns a
precomputed body (the file `<name>.json`, `.ics` or `.html` in the directory
`BENCH_BARE_BODIES`), the API's own answer, with its media type.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flask import Flask, Response

from bench.raw_inserts import RawInserts, raw_inserts
from store.settings import store_settings

STORE = "BENCH_BARE_DATABASE_URL"
SYNCHRONOUS = "BENCH_BARE_SQLITE_SYNCHRONOUS"
BODIES = "BENCH_BARE_BODIES"
MEDIA_TYPES = {".json": "application/json", ".ics": "text/calendar", ".html": "text/html"}


def create_bare_app() -> Flask:
    app = Flask("bare")
    local = threading.local()
    settings = store_settings(os.environ[STORE])
    synchronous = int(os.environ.get(SYNCHRONOUS, "2"))
    folder = os.environ.get(BODIES)
    files = [p for p in Path(folder).iterdir() if p.suffix in MEDIA_TYPES] if folder else []
    bodies = {p.stem: (p.read_bytes(), MEDIA_TYPES[p.suffix]) for p in files}

    def inserts() -> RawInserts:
        if getattr(local, "inserts", None) is None:
            local.inserts = raw_inserts(settings, synchronous)
        found: RawInserts = local.inserts
        return found

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post("/raw-insert")
    def raw_insert() -> tuple[dict[str, bool], int]:
        inserts().insert(0)
        return {"ok": True}, 201

    @app.get("/body/<name>")
    def precomputed(name: str) -> Response:
        body, media_type = bodies[name]
        return Response(body, mimetype=media_type)

    return app
