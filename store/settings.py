"""One setting chooses the store; it is mapped onto eventsourcing's settings here."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

from runtime.errors import SettingError

DATABASE_URL = "PEERLEARNING_DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///var/peerlearning.db"
OUTAGE_ANSWER_TIMEOUT = "PEERLEARNING_OUTAGE_ANSWER_TIMEOUT"
DEFAULT_OUTAGE_ANSWER_TIMEOUT = 4.0
SHORTEST_OUTAGE_ANSWER_TIMEOUT = 2.5  # the library pauses about 1.9 s between its attempts
LONGEST_OUTAGE_ANSWER_TIMEOUT = 60.0
POSTGRES_FACTORY = "store.bounded_postgres:BoundedPostgresFactory"
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


@dataclass(frozen=True)
class StoreSettings:
    url: str
    kind: str
    env: dict[str, str]
    schema: str | None = None
    answer_timeout: float = DEFAULT_OUTAGE_ANSWER_TIMEOUT

    @property
    def is_sqlite(self) -> bool:
        return self.kind == "sqlite"

    @property
    def sqlite_path(self) -> str:
        return self.env["SQLITE_DBNAME"]


def store_settings(url: str | None = None) -> StoreSettings:
    url = url or os.environ.get(DATABASE_URL) or DEFAULT_DATABASE_URL
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        _options(url, allowed=set())
        return _sqlite(url, parsed.netloc + parsed.path)
    if parsed.scheme in ("postgresql", "postgres"):
        return _postgres(url)
    raise SettingError(
        f"{DATABASE_URL}={_redacted(url)} is not understood; use "
        "sqlite:///path/to/file.db or postgresql://user@host:5432/dbname."
    )


def _options(url: str, allowed: set[str]) -> dict[str, str]:
    """The ?name=value options of the URL; an option we would ignore is refused."""
    options = dict(parse_qsl(urlparse(url).query, keep_blank_values=True))
    unknown = sorted(set(options) - allowed)
    if unknown:
        understood = ", ".join(f"?{name}=" for name in sorted(allowed)) or "no options"
        raise SettingError(
            f"{DATABASE_URL}={_redacted(url)} has the option {', '.join(unknown)}, "
            f"which is not understood; this store takes {understood}."
        )
    schema = options.get("schema")
    if schema is not None and not _IDENTIFIER.fullmatch(schema):
        raise SettingError(
            f"{DATABASE_URL}={_redacted(url)}: schema '{schema}' must be letters, digits "
            "and underscores, starting with a letter or underscore (at most 63)."
        )
    return options


def _sqlite(url: str, raw_path: str) -> StoreSettings:
    """Three slashes name a path relative to the working folder, four an absolute one."""
    path = raw_path[1:] if raw_path.startswith("/") else raw_path
    if not path:
        raise SettingError(f"{DATABASE_URL}={url} names no file.")
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SettingError(
            f"{DATABASE_URL}={url}: the folder for {path} cannot be created ({error.strerror})."
        ) from None
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.sqlite",
        "APPLICATION_RECORDER_TOPIC": "store.recorders:InlineSQLiteRecorder",
        "SQLITE_DBNAME": path,
        "SQLITE_LOCK_TIMEOUT": os.environ.get("PEERLEARNING_SQLITE_LOCK_TIMEOUT", "5"),
    }
    return StoreSettings(url=url, kind="sqlite", env=env)


def _postgres(url: str) -> StoreSettings:
    parsed = urlparse(url)
    schema = _options(url, allowed={"schema"}).get("schema")
    answer_timeout = outage_answer_timeout()
    try:
        port = parsed.port or 5432
    except ValueError:
        raise SettingError(f"{DATABASE_URL}={_redacted(url)} has no valid port.") from None
    env = {
        "PERSISTENCE_MODULE": POSTGRES_FACTORY,
        "APPLICATION_RECORDER_TOPIC": "store.recorders:InlinePostgresRecorder",
        "POSTGRES_DBNAME": parsed.path.lstrip("/") or "postgres",
        "POSTGRES_HOST": parsed.hostname or "127.0.0.1",
        "POSTGRES_PORT": str(port),
        "POSTGRES_USER": unquote(parsed.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(parsed.password or ""),
        "POSTGRES_CONNECT_TIMEOUT": os.environ.get("PEERLEARNING_POSTGRES_CONNECT_TIMEOUT", "5"),
        "POSTGRES_LOCK_TIMEOUT": os.environ.get("PEERLEARNING_POSTGRES_LOCK_TIMEOUT", "2"),
        # No ping per pool checkout: it cost a round trip on each. A connection that broke
        # while idle fails its next use: the pool then drops it, reads are retried by the
        # library, and a command answers 503 once (nothing is recorded).
        "POSTGRES_PRE_PING": "n",
        "POSTGRES_POOL_SIZE": os.environ.get("PEERLEARNING_POOL_SIZE", "5"),
        "POSTGRES_MAX_OVERFLOW": os.environ.get("PEERLEARNING_POOL_OVERFLOW", "5"),
        OUTAGE_ANSWER_TIMEOUT: str(answer_timeout),
    }
    if schema:
        env["POSTGRES_SCHEMA"] = schema
    return StoreSettings(
        url=url, kind="postgresql", env=env, schema=schema, answer_timeout=answer_timeout
    )


def outage_answer_timeout(text: str | None = None) -> float:
    """Seconds within which a request answers 503 while PostgreSQL is down."""
    if text is None:
        text = os.environ.get(OUTAGE_ANSWER_TIMEOUT)
    if not text:
        return DEFAULT_OUTAGE_ANSWER_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not SHORTEST_OUTAGE_ANSWER_TIMEOUT <= seconds <= LONGEST_OUTAGE_ANSWER_TIMEOUT:
        raise SettingError(
            f"{OUTAGE_ANSWER_TIMEOUT}={text!r} is not understood; give seconds from "
            f"{SHORTEST_OUTAGE_ANSWER_TIMEOUT:g} to "
            f"{LONGEST_OUTAGE_ANSWER_TIMEOUT:g}, e.g. {DEFAULT_OUTAGE_ANSWER_TIMEOUT:g}."
        )
    return seconds


def psycopg_conninfo(settings: StoreSettings) -> str:
    return postgres_conninfo(settings.env)


def postgres_conninfo(e: Mapping[str, str]) -> str:
    """A psycopg connection string from the eventsourcing settings this module made."""
    parts = [
        f"dbname={e['POSTGRES_DBNAME']}",
        f"host={e['POSTGRES_HOST']}",
        f"port={e['POSTGRES_PORT']}",
        f"user={e['POSTGRES_USER']}",
        f"connect_timeout={e['POSTGRES_CONNECT_TIMEOUT']}",
    ]
    if e["POSTGRES_PASSWORD"]:
        parts.append(f"password={e['POSTGRES_PASSWORD']}")
    return " ".join(parts)


def _redacted(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        return url.replace(f":{parsed.password}@", ":***@")
    return url


def describe(settings: StoreSettings) -> str:
    return f"{DATABASE_URL}={_redacted(settings.url)}"
