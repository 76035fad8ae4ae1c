"""Mozilla's ical.js (the parser of Thunderbird's calendar), run by node, as a second,
independent reader of what the service writes."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

CLIENT = Path(__file__).resolve().parent.parent / "calendar_client"
READER = CLIENT / "read.mjs"
TIMEOUT = 120


@dataclass(frozen=True)
class ClientEvent:
    """One event as the client shows it: instants in UTC."""

    uid: str
    sequence: int
    status: str
    zone: str
    starts_at: datetime
    ends_at: datetime


def read_calendar(body: bytes) -> dict[str, ClientEvent]:
    """The events of an iCalendar file as ical.js reads them, by UID."""
    done = subprocess.run(
        [_node(), str(READER)], input=body, capture_output=True, check=True, timeout=TIMEOUT
    )
    return {item["uid"]: _event(item) for item in json.loads(done.stdout)}


def _event(item: dict[str, str]) -> ClientEvent:
    return ClientEvent(
        uid=item["uid"],
        sequence=int(item["sequence"]),
        status=item["status"],
        zone=item["zone"],
        starts_at=datetime.fromisoformat(item["starts_at"]),
        ends_at=datetime.fromisoformat(item["ends_at"]),
    )


@cache
def _node() -> str:
    """node, with ical.js installed from the committed lock file (`npm ci`) if missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("The calendar client tests need node and npm (Node.js 20 or later).")
    if not (CLIENT / "node_modules" / "ical.js").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=CLIENT, check=True, timeout=TIMEOUT
        )
    return node
