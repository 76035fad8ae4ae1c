"""How log lines are written: text (the default) or one JSON object per line.

`PEERLEARNING_LOG_FORMAT=json` gives time, level, logger, message and the request id, plus the
exception's type and trace when there is one. Messages are the ones the code logs: they name
ids and positions, never a person's name, address or a token.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime
from typing import TextIO

from runtime.errors import SettingError
from runtime.request_ids import current_request_id

SETTING = "PEERLEARNING_LOG_FORMAT"
FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record, `-` outside any request."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def log_format(environ: dict[str, str] | None = None) -> str:
    chosen = (environ if environ is not None else os.environ).get(SETTING, "text") or "text"
    if chosen not in FORMATS:
        raise SettingError(f"{SETTING} must be {' or '.join(FORMATS)}, not {chosen!r}.")
    return chosen


def formatter_for(chosen: str) -> logging.Formatter:
    return JsonFormatter() if chosen == "json" else logging.Formatter(TEXT_FORMAT)


class StandardError(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is when a line is written, not when it was set up."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(
    level: int = logging.INFO,
    environ: dict[str, str] | None = None,
    stream: TextIO | None = None,
) -> logging.Handler:
    """Our one handler on the root logger, in the chosen format; handlers others put there
    (a test runner's, an embedding server's) stay."""
    handler: logging.Handler = StandardError() if stream is None else logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(formatter_for(log_format(environ)))
    root = logging.getLogger()
    for earlier in _installed:
        root.removeHandler(earlier)
    _installed[:] = [handler]
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def unconfigure_logging() -> None:
    """Takes our handler off the root logger again, for a program that ran a command inside."""
    for handler in _installed:
        logging.getLogger().removeHandler(handler)
    _installed.clear()


_installed: list[logging.Handler] = []  # the handler configured last in this process
