"""Figure 4: rebuilding every view in one process against a raw scan with JSON decoding."""

from __future__ import annotations

import json
import sqlite3
import zlib
from typing import Any

import psycopg

from bench.figures import Figure, at_least
from bench.timing import seconds
from peerlearning.bootstrap import Services
from store.settings import StoreSettings, psycopg_conninfo

BATCH = 500
ROUNDS = 2  # each side's best of two alternating rounds


def _decoded(state: bytes) -> Any:
    if state[:1] not in (b"{", b"["):
        state = zlib.decompress(state)
    return json.loads(state)


def raw_scan(settings: StoreSettings, table: str) -> int:
    """Reads every stored event in batches and decodes its JSON state; returns the count."""
    if settings.is_sqlite:
        conn: Any = sqlite3.connect(settings.sqlite_path)
        statement = f"SELECT rowid, state FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?"
    else:
        options = f" options='-c search_path={settings.schema}'" if settings.schema else ""
        conn = psycopg.connect(psycopg_conninfo(settings) + options)
        statement = (
            f"SELECT notification_id, state FROM {table} WHERE notification_id > %s "
            "ORDER BY notification_id LIMIT %s"
        )
    count, position = 0, 0
    try:
        while rows := conn.execute(statement, (position, BATCH)).fetchall():
            for _, state in rows:
                _decoded(bytes(state))
            count += len(rows)
            position = rows[-1][0]
    finally:
        conn.close()
    return count


def measure(services: Services, store: str) -> Figure:
    events = services.app.recorder.max_notification_id() or 0
    table = services.app.recorder.events_table_name  # type: ignore[attr-defined]
    raw_scan(services.settings, table)  # warm the page cache the same way for both
    scans, rebuilds = [], []
    for _ in range(ROUNDS):  # alternating, so a slow spell of the machine falls on both
        scans.append(seconds(lambda: raw_scan(services.settings, table)))
        rebuilds.append(seconds(services.projector.rebuild))
    scan_rate, rebuild_rate = events / min(scans), events / min(rebuilds)
    return Figure(
        f"4 rebuild all views, one process ({events:,} events)",
        store,
        rebuild_rate,
        "events/s",
        scan_rate,
        at_least(0.2),
    )
