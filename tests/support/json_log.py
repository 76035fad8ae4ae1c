"""A JSON log written by the service's own configuration into a buffer, for one test."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest

from runtime.log_format import configure_logging

KEYS = {"time", "level", "logger", "message", "request_id"}


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    buffer = io.StringIO()
    configure_logging(logging.INFO, {"PEERLEARNING_LOG_FORMAT": "json"}, buffer)
    yield buffer
    root.handlers[:] = before
    root.setLevel(level)


def lines(buffer: io.StringIO) -> list[dict[str, str]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]
