"""A second process for a rebuild: it rebuilds one share while this process does another.

Started as `python -m projections.helper` (not `multiprocessing`, whose `spawn` would
import the caller's main module again), it reads its task as a pickle on stdin, opens the
store itself through the task's `open_app`, and reports on stdout: `progress N` lines, then
one `done N`, `superseded` or `failed` line. If it cannot start or fails, its share is
rebuilt here instead, so a rebuild never depends on it.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from eventsourcing.application import Application

from peerlearning.settings import StoreSettings
from projections.claims import RangeTaker, Reading, RebuildId
from projections.db import ViewDb
from projections.shares import Progress, RebuildSuperseded, Share, rebuild_share

log = logging.getLogger(__name__)
PARALLEL_FROM = 20_000  # events; below this, starting a process costs more than it saves
AppOpener = Callable[[StoreSettings], Application[Any]]
_WORDS = {"progress", "done", "superseded", "failed", "ended"}


@dataclass(frozen=True)
class Task:
    """A share to rebuild, then ranges of a split share to take until none is left."""

    settings: StoreSettings
    open_app: AppOpener
    rebuild: RebuildId
    view_types: tuple[type, ...]
    topics: tuple[str, ...] | None
    split_view_types: tuple[type, ...] = ()
    split_topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Helper:
    settings: StoreSettings
    open_app: AppOpener

    def worthwhile(self, share: Share, split: Share | None, stop: int) -> bool:
        views = [*share.views, *(split.views if split else ())]
        return (
            stop >= PARALLEL_FROM
            and (os.cpu_count() or 1) > 1
            and all(_constructible(type(v)) for v in views)
        )

    def start(self, share: Share, split: Share | None, rebuild: RebuildId) -> Running:
        task = Task(
            self.settings,
            self.open_app,
            rebuild,
            tuple(type(v) for v in share.views),
            share.topics,
            tuple(type(v) for v in split.views) if split else (),
            (split.topics or ()) if split else (),
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "projections.helper"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=False,
        )
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(pickle.dumps(task))
        process.stdin.close()
        return Running(process).listen()


@dataclass
class Running:
    process: subprocess.Popen[bytes]
    lines: queue.Queue[str] = field(default_factory=queue.Queue)
    result: tuple[str, str] | None = None

    def listen(self) -> Running:
        def read(stream: IO[bytes]) -> None:
            for line in stream:
                self.lines.put(line.decode().strip())
            self.lines.put("ended")

        assert self.process.stdout is not None
        threading.Thread(target=read, args=(self.process.stdout,), daemon=True).start()
        return self

    def relay(self, progress: Progress | None, block: bool = False) -> None:
        """Passes the helper's progress on; keeps its final word."""
        while self.result is None:
            try:
                line = self.lines.get(block=block)
            except queue.Empty:
                return
            kind, _, value = line.partition(" ")
            if kind not in _WORDS:
                continue  # something else the helper printed
            if kind == "progress":
                if progress:
                    progress(int(value))
            else:
                self.result = (kind, value)

    def stop(self) -> None:
        """Ends the helper early (this process failed): its share would be of no use."""
        self.process.kill()
        self.process.wait()

    def finish(self, progress: Progress | None) -> bool:
        """Waits for the helper; True when it rebuilt its share."""
        self.relay(progress, block=True)
        self.process.wait()
        kind, value = self.result or ("ended", "")
        if kind == "superseded":
            raise RebuildSuperseded(value)
        if kind != "done":
            log.warning(
                "The rebuild helper did not finish (%s, exit %s); rebuilding its share here. %s",
                kind,
                self.process.returncode,
                value,
            )
        return kind == "done"


def run(task: Task, say: Callable[[str], None]) -> None:
    try:
        app, db = task.open_app(task.settings), ViewDb(task.settings)
    except Exception:
        say("failed " + traceback.format_exc().replace("\n", " | "))
        return
    try:
        share = Share(tuple(t() for t in task.view_types), task.topics, 0)
        rebuild = task.rebuild

        def progress(count: int) -> None:
            say(f"progress {count}")

        read = rebuild_share(app, db, share, rebuild.stop, rebuild.claim, progress)
        if task.split_view_types:
            split = Share(tuple(t() for t in task.split_view_types), task.split_topics, 0)
            take = RangeTaker(Reading(db, rebuild, task.split_topics), descending=True)
            read += rebuild_share(app, db, split, rebuild.stop, rebuild.claim, progress, take)
        say(f"done {read}")
    except RebuildSuperseded as superseded:
        say(f"superseded {superseded}")
    except Exception:
        say("failed " + traceback.format_exc().replace("\n", " | "))
    finally:
        db.close()
        app.close()


def _constructible(view_type: type) -> bool:
    try:
        view_type()
    except Exception:
        return False
    return True


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    run(pickle.load(sys.stdin.buffer), _say)
