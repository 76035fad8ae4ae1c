"""A rebuild's claim on the views, and swapping its shadow tables in.

The claim is a row of `view_tracking` holding a random token. Every transaction of a
rebuild locks that row first and checks its token, so a rebuild started later supersedes
an earlier one cleanly: the earlier one stops before writing anything more.
"""

from __future__ import annotations

import secrets

from projections.db import Tx, ViewDb
from projections.shares import RebuildSuperseded, shadow
from projections.tables import Table


def token_name(views_name: str) -> str:
    return f"{views_name}/rebuild"


def claim_rebuild(tx: Tx, name: str, token: int) -> None:
    lock = " FOR UPDATE" if tx.dialect == "postgres" else ""
    row = tx.fetchone(f"SELECT position FROM view_tracking WHERE name = ?{lock}", [name])
    if row is None or int(row[0]) != token:
        raise RebuildSuperseded("Another rebuild of the views started meanwhile.")


def start_rebuild(db: ViewDb, views_name: str, tables: tuple[Table, ...]) -> int:
    """Claims the rebuild and makes empty shadow tables; returns the claim's token."""
    token = secrets.randbits(62)
    with db.transaction(write=True) as tx:
        tx.execute(
            "INSERT INTO view_tracking (name, position) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET position = excluded.position",
            [token_name(views_name), token],
        )
        for table in tables:
            tx.execute(f"DROP TABLE IF EXISTS {shadow(table).name}")
            tx.execute(shadow(table).ddl()[0])
    return token


def swap_in(db: ViewDb, views_name: str, tables: tuple[Table, ...], token: int, stop: int) -> None:
    """Replaces the live tables by the rebuilt ones and sets the position, atomically."""
    lock = " FOR UPDATE" if db.dialect == "postgres" else ""
    with db.transaction(write=True) as tx:
        claim_rebuild(tx, token_name(views_name), token)
        tx.execute(f"SELECT position FROM view_tracking WHERE name = ?{lock}", [views_name])
        for table in tables:
            rebuilt = shadow(table).name
            tx.execute(f"DROP TABLE IF EXISTS {table.name}")
            tx.execute(f"ALTER TABLE {rebuilt} RENAME TO {table.name}")
            if tx.dialect == "postgres":  # the key's index keeps its name otherwise
                tx.execute(f"ALTER INDEX {rebuilt}_pkey RENAME TO {table.name}_pkey")
            for statement in table.ddl()[1:]:
                tx.execute(statement)
        tx.execute("UPDATE view_tracking SET position = ? WHERE name = ?", [stop, views_name])
        tx.execute("DELETE FROM view_tracking WHERE name = ?", [token_name(views_name)])
