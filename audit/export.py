"""The whole log as JSON Lines: one event per line, with its stored form and chain link."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any
from uuid import UUID

from eventsourcing.application import Application

from audit.chain_store import ChainStore
from audit.history import IN_CLEAR, Reader, event_entry
from audit.log import PAGE


def export_entries(
    app: Application[UUID], chain: ChainStore, reader: Reader = IN_CLEAR
) -> Iterator[dict[str, Any]]:
    """`stored` is the event exactly as kept (people's data sealed), so the chain verifies;
    `data` is what the reader may see of it."""
    after = 0
    while batch := app.recorder.select_notifications(after, PAGE, inclusive_of_start=False):
        links = dict(chain.rows(after=after, until=batch[-1].id))
        for notification in batch:
            entry = event_entry(app, notification, reader)
            entry["stored"] = {
                "topic": notification.topic,
                "state": base64.b64encode(notification.state).decode(),
            }
            entry["chain"] = links.get(notification.id)
            yield entry
        after = batch[-1].id


def export_lines(
    app: Application[UUID], chain: ChainStore, reader: Reader = IN_CLEAR
) -> Iterator[str]:
    for entry in export_entries(app, chain, reader):
        yield json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
