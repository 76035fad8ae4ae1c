"""What crosses the wire to PostgreSQL: every message, from libpq's own protocol trace.

`Wire.installed()` records each psycopg connection opened meanwhile (the pools' too);
`Wire.traced()` traces all of them while its block runs and counts, per connection:
- round trips: each time the client, having sent, waits for the server's answer (a turn
  from frontend messages to backend ones);
- statements: Execute messages of the extended protocol and simple Query messages.
"""

from __future__ import annotations

import tempfile
import weakref
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any

import psycopg
import pytest
from psycopg import pq


@dataclass
class Traffic:
    round_trips: int = 0
    statements: int = 0
    sql: list[str] = field(default_factory=list)

    def add(self, trace: str) -> None:
        sending = False
        for line in trace.splitlines():
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            side, message = parts[0], parts[2]
            if side == "F":
                sending = True
                if message in ("Execute", "Query"):
                    self.statements += 1
                if message in ("Parse", "Query"):
                    self.sql.append(parts[3].strip() if len(parts) > 3 else "")
            elif side == "B" and sending:
                self.round_trips += 1
                sending = False


class Wire:
    def __init__(self) -> None:
        self.connections: weakref.WeakSet[Any] = weakref.WeakSet()

    @contextmanager
    def installed(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[Wire]:
        original = psycopg.Connection.connect.__func__  # type: ignore[attr-defined]

        def connect(cls: Any, *args: Any, **kwargs: Any) -> Any:
            conn = original(cls, *args, **kwargs)
            self.connections.add(conn)
            return conn

        monkeypatch.setattr(psycopg.Connection, "connect", classmethod(connect))
        yield self

    @contextmanager
    def traced(self) -> Iterator[Traffic]:
        traffic = Traffic()
        with ExitStack() as stack:
            files: list[tuple[Any, Any]] = []
            for conn in list(self.connections):
                if conn.closed:
                    continue
                sink = stack.enter_context(tempfile.TemporaryFile())
                conn.pgconn.trace(sink.fileno())
                conn.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
                files.append((conn, sink))
            try:
                yield traffic
            finally:
                for conn, sink in files:
                    conn.pgconn.untrace()  # flushes what libpq buffered
                    sink.seek(0)
                    traffic.add(sink.read().decode("utf-8", "replace"))
