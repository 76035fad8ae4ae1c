"""`peerlearning backup` and `peerlearning restore`: a consistent copy, and a checked return.

SQLite: the online backup API copies a consistent snapshot while other processes write
(a plain file copy of a WAL database can be torn). PostgreSQL: `pg_dump` of the store's
schema in the custom format, which is consistent by itself (one snapshot); restore with
`pg_restore`. After a restore the hash chain is verified and the views are rebuilt and
compared; only then is the restore reported as a success.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from audit.chain_store import TABLE as CHAIN_TABLE
from audit.replay import replay
from peerlearning.bootstrap import bootstrap
from store.service_lock import no_service_running
from store.settings import StoreSettings, describe, psycopg_conninfo, store_settings


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = commands.add_parser("backup", help="a consistent copy of the store, while it runs")
    backup.add_argument("--output", required=True, help="file to write the copy to")
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser(
        "restore", help="bring a backup back, verify the chain, rebuild and compare the views"
    )
    restore.add_argument("path", help="a file written by `peerlearning backup`")
    restore.set_defaults(run=run_restore)


def sqlite_backup(source: str, target: Path) -> None:
    """Copies page by page through SQLite's backup API; writers go on meanwhile."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def pg_dump_command(settings: StoreSettings, target: Path) -> list[str]:
    command = ["pg_dump", "--format=custom", f"--file={target}"]
    if settings.schema:
        command.append(f"--schema={settings.schema}")
    return [*command, psycopg_conninfo(settings)]


def pg_restore_command(settings: StoreSettings, source: Path) -> list[str]:
    return [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--exit-on-error",
        f"--dbname={psycopg_conninfo(settings)}",
        str(source),
    ]


def run_backup(args: argparse.Namespace) -> int:
    settings = store_settings()
    target = Path(args.output)
    if not target.parent.is_dir():
        print(f"There is no folder {target.parent} to write {target.name} into; make it first.")
        return 2
    if settings.is_sqlite and is_the_store(target, settings):
        print(
            f"{target} is the store itself ({describe(settings)}); "
            "write the copy to another file. Nothing changed."
        )
        return 2
    if settings.is_sqlite:
        sqlite_backup(settings.sqlite_path, target)
        print(f"Copied the store to {target} through SQLite's online backup.")
        return 0
    return run_postgres(pg_dump_command(settings, target), f"Dumped the store to {target}.")


def run_postgres(command: list[str], done: str) -> int:
    if shutil.which(command[0]) is None:
        print(f"{command[0]} is not installed here; run on a host that has it:")
        print("  " + shlex.join(command))
        return 2
    completed = subprocess.run(command, check=False)
    if completed.returncode != 0:
        print(f"{command[0]} failed with exit status {completed.returncode}.")
        return 1
    print(done)
    return 0


def is_the_store(target: Path, settings: StoreSettings) -> bool:
    """Whether `target` names the SQLite store's file (or its journal) under any path."""
    live = (Path(settings.sqlite_path + end) for end in ("", "-wal", "-shm", "-journal"))
    return any(same_file(target, path) for path in live)


def same_file(one: Path, other: Path) -> bool:
    """The same path after links are followed, or (hard links) the same file."""
    if one.resolve() == other.resolve():
        return True
    return one.exists() and other.exists() and one.samefile(other)


def run_restore(args: argparse.Namespace) -> int:
    settings = store_settings()
    source = Path(args.path)
    if not source.is_file():
        print(f"{source} is no file; name one written by `peerlearning backup`. Nothing changed.")
        return 2
    with no_service_running(settings):
        return restore(settings, source)


def restore(settings: StoreSettings, source: Path) -> int:
    if settings.is_sqlite:
        refused = not_a_backup(source)
        if refused:
            print(f"{refused} Nothing changed.")
            return 2
        sqlite_backup(str(source), Path(settings.sqlite_path))
    else:
        status = run_postgres(pg_restore_command(settings, source), "Restored the dump.")
        if status != 0:
            return status
    return check_restored(settings)


def not_a_backup(source: Path) -> str | None:
    """Why the file is no SQLite backup of a store, read without writing to it; None if it is
    one. Copying anything else over the store would lose it."""
    try:
        with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            found = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.DatabaseError as error:
        return f"{source} is no SQLite database ({error})."
    if CHAIN_TABLE not in {row[0] for row in found}:
        return f"{source} is a SQLite database, but no backup of a Peer-Learnings store."
    return None


def check_restored(settings: StoreSettings) -> int:
    """The chain must verify and the views rebuilt from the log must equal the restored ones."""
    services = bootstrap(settings)
    try:
        verified = services.audit.verify(services.app)
        if not verified.ok:
            print(f"BROKEN chain at position {verified.first_broken_position}: {verified.problem}")
            return 1
        report = replay(services.projector, show_progress=False)
    finally:
        services.close()
    if not report.compared or report.differences:
        print(f"The views differ from a rebuild: {len(report.differences)} differences.")
        return 1
    print(
        f"Restored: the chain verifies up to position {verified.head_position} "
        f"and the views equal a rebuild."
    )
    return 0
