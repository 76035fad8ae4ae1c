"""Drop and rebuild every view from the log, then check it equals what was live."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tqdm import tqdm

from projections.projector import Projector
from projections.tables import Table
from store.db import ViewDb

Snapshot = dict[str, dict[str, tuple[Any, ...]]]


@dataclass
class RebuildReport:
    events: int
    position_before: int
    position_after: int
    differences: list[str] = field(default_factory=list)

    @property
    def compared(self) -> bool:
        return self.position_before == self.position_after

    @property
    def ok(self) -> bool:
        return not self.differences


def snapshot(db: ViewDb, tables: tuple[Table, ...]) -> Snapshot:
    found: Snapshot = {}
    with db.transaction() as tx:
        for table in tables:
            rows = tx.fetchall(f"SELECT {', '.join(table.columns)} FROM {table.name}")
            found[table.name] = {str(r[0]): tuple(r) for r in rows}
    return found


def differences(live: Snapshot, rebuilt: Snapshot, tables: tuple[Table, ...]) -> list[str]:
    found: list[str] = []
    for table in tables:
        before, after = live.get(table.name, {}), rebuilt.get(table.name, {})
        for key in sorted(set(before) | set(after)):
            found.extend(_row_differences(table, key, before.get(key), after.get(key)))
    return found


def _row_differences(
    table: Table, key: str, before: tuple[Any, ...] | None, after: tuple[Any, ...] | None
) -> list[str]:
    if before is None or after is None:
        where = "only in the rebuilt views" if before is None else "only in the live views"
        return [f"{table.name} {key}: {where}"]
    return [
        f"{table.name} {key} {column}: live {old!r}, rebuilt {new!r}"
        for column, old, new in zip(table.columns, before, after, strict=True)
        if old != new
    ]


def rebuild(projector: Projector, show_progress: bool = True) -> RebuildReport:
    position_before = projector.catch_up()
    live = snapshot(projector.db, projector.tables)
    total = projector.app.recorder.max_notification_id() or 0
    applied = [0]

    def advance(count: int) -> None:
        applied[0] += count
        bar.update(count)

    with tqdm(
        total=total, unit="events", desc="Rebuilding views", disable=not show_progress
    ) as bar:
        position_after = projector.rebuild(progress=advance)
    report = RebuildReport(applied[0], position_before, position_after)
    if report.compared:
        rebuilt = snapshot(projector.db, projector.tables)
        report.differences = differences(live, rebuilt, projector.tables)
    return report
