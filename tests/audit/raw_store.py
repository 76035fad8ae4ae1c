"""The bytes a store keeps on disk, read below the SQL level: what erasure must leave clean.

SQLite: the database file and its write-ahead log, byte for byte. PostgreSQL: every page of
every table, TOAST table and index of the schema, read through `pageinspect`, and (after a
checkpoint) the relation files themselves.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import psycopg

from store.settings import StoreSettings, psycopg_conninfo

RELATIONS = """
WITH tables AS (
    SELECT c.oid, c.reltoastrelid FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm') AND {which}
), heaps AS (
    SELECT oid FROM tables UNION SELECT reltoastrelid FROM tables WHERE reltoastrelid <> 0
)
SELECT oid FROM heaps
UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM heaps)
"""
SCHEMA = "(n.nspname = %s OR c.oid = 'pg_catalog.pg_statistic'::regclass)"
ONE_TABLE = "n.nspname = %s AND c.relname = %s"
SAMPLES = """
SELECT concat(most_common_vals::text, histogram_bounds::text) FROM pg_stats
WHERE schemaname = %s
"""
PAGES = """
SELECT get_raw_page(r.oid::regclass::text, b.n)
FROM unnest(%s::oid[]) AS r(oid)
CROSS JOIN LATERAL generate_series(
    0, pg_relation_size(r.oid) / current_setting('block_size')::int - 1) AS b(n)
"""


def spellings(value: str) -> set[bytes]:
    """Every way a store may hold the text, in any case: UTF-8, JSON-escaped, UTF-16."""
    return {
        spelled
        for cased in (value, value.lower(), value.upper())
        for spelled in (
            cased.encode(),
            json.dumps(cased)[1:-1].encode(),
            cased.encode("utf-16-le"),
            cased.encode("utf-16-be"),
        )
    }


def found(raw: bytes, values: Iterable[str]) -> set[str]:
    """Those of the values of which any spelling occurs in the raw bytes."""
    return {v for v in values if any(spelled in raw for spelled in spellings(v))}


def store_bytes(settings: StoreSettings) -> bytes:
    return sqlite_bytes(settings) if settings.is_sqlite else postgres_pages(settings)


def sqlite_bytes(settings: StoreSettings) -> bytes:
    """The database file and its write-ahead log, as they are on disk now."""
    path = Path(settings.sqlite_path)
    wal = path.with_name(path.name + "-wal")
    return b"".join(p.read_bytes() for p in (path, wal) if p.exists())


def sqlite_table_pages(settings: StoreSettings, table: str) -> bytes:
    """The pages of one table and its indexes in the database file, after a checkpoint."""
    with closing(sqlite3.connect(settings.sqlite_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        pages = [
            n
            for (n,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? OR name LIKE ?", (table, f"{table}_%")
            )
        ]
    raw = Path(settings.sqlite_path).read_bytes()
    return b"".join(raw[(n - 1) * page_size : n * page_size] for n in pages)


def postgres_pages(settings: StoreSettings, table: str | None = None) -> bytes:
    """Every page of the schema's relations (or of one table's), through the buffer cache."""
    with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
        _install_pageinspect(conn)
        oids = relations(conn, settings.schema or "public", table)
        return b"".join(bytes(page) for (page,) in conn.execute(PAGES, (oids,)))


def relations(conn: psycopg.Connection, schema: str, table: str | None = None) -> list[int]:
    """Tables, their TOAST tables, and the indexes of both: of the schema and the statistics
    ANALYZE samples into (pg_statistic), or of one table."""
    if table is None:
        rows = conn.execute(RELATIONS.format(which=SCHEMA), (schema,))
    else:
        rows = conn.execute(RELATIONS.format(which=ONE_TABLE), (schema, table))
    return [int(oid) for (oid,) in rows]


def postgres_samples(settings: StoreSettings) -> bytes:
    """The values ANALYZE keeps of the schema's columns (most common ones, histogram bounds)."""
    schema = settings.schema or "public"
    with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
        return "".join(str(v) for (v,) in conn.execute(SAMPLES, (schema,))).encode()


def analyze(settings: StoreSettings) -> None:
    """What autovacuum does to the schema's tables once enough of their rows changed."""
    schema = settings.schema or "public"
    with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
        tables = conn.execute(
            "SELECT format('%%I.%%I', schemaname, tablename) FROM pg_tables WHERE schemaname = %s",
            (schema,),
        ).fetchall()
        for (table,) in tables:
            conn.execute(f"ANALYZE {table}")


def postgres_relation_files(settings: StoreSettings) -> list[Path]:
    """The files of the schema's relations now (each segment and the free-space map)."""
    with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
        (data,) = conn.execute("SHOW data_directory").fetchone() or ("",)
        oids = relations(conn, settings.schema or "public")
        paths = conn.execute("SELECT pg_relation_filepath(o) FROM unnest(%s::oid[]) o", (oids,))
        return [Path(data) / str(path) for (path,) in paths]


def postgres_file_bytes(settings: StoreSettings, files: Iterable[Path]) -> bytes:
    """What the files hold once every changed page was written out (CHECKPOINT)."""
    with psycopg.connect(psycopg_conninfo(settings), autocommit=True) as conn:
        conn.execute("CHECKPOINT")
    segments = [s for f in files for s in (f, *f.parent.glob(f.name + ".*")) if s.exists()]
    return b"".join(segment.read_bytes() for segment in segments)


def _install_pageinspect(conn: psycopg.Connection) -> None:
    try:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
    except (psycopg.errors.UniqueViolation, psycopg.errors.DuplicateObject):
        return  # another test run installed it at the same moment
