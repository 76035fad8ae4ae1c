"""The commit mark of a SQLite store: the same while nothing is committed, new after every
commit, by this process or another."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from store.commit_marks import CommitMarks

COMMIT = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("INSERT INTO t VALUES (2)")
connection.close()
"""


def wal_store(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (n INTEGER)")
    return connection


def test_the_mark_stays_until_a_commit_and_moves_with_each(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    connection = wal_store(path)
    marks = CommitMarks(str(path))
    first = marks.mark()
    assert first is not None and marks.mark() == first
    connection.execute("SELECT COUNT(*) FROM t").fetchone()
    assert marks.mark() == first  # reads commit nothing

    connection.execute("INSERT INTO t VALUES (1)")
    second = marks.mark()
    subprocess.run([sys.executable, "-c", COMMIT, str(path)], check=True)
    third = marks.mark()

    assert len({first, second, third}) == 3
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("INSERT INTO t VALUES (3)")
    assert marks.mark() not in {first, second, third}
    connection.close()


def test_no_mark_without_the_shared_memory_of_a_wal_store(tmp_path: Path) -> None:
    path = tmp_path / "rollback.db"
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("CREATE TABLE t (n INTEGER)")
    assert CommitMarks(str(path)).mark() is None
    assert CommitMarks(str(tmp_path / "absent.db")).mark() is None
    assert not (tmp_path / "absent.db").exists()  # asking never makes a store
    connection.close()


def test_the_mark_follows_commits_after_every_other_connection_closed(tmp_path: Path) -> None:
    """The last connection to close removes the `-shm` file, and the next makes a new one;
    the marks keep a connection of their own, so the file they map stays the store's."""
    path = tmp_path / "store.db"
    connection = wal_store(path)
    marks = CommitMarks(str(path))
    before = marks.mark()
    connection.close()

    subprocess.run([sys.executable, "-c", COMMIT, str(path)], check=True)

    assert before is not None and marks.mark() not in (None, before)
    marks.close()
