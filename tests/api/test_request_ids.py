"""Every answer carries X-Request-ID; JSON log lines name it and nothing personal."""

from __future__ import annotations

import io
import logging

import pytest

from runtime.log_format import configure_logging
from tests.api.client import TEAM, ApiClient
from tests.support.json_log import KEYS, lines


def test_a_sent_request_id_is_answered_and_logged(team: ApiClient, json_log: io.StringIO) -> None:
    sent = "lb-0001-abcdef"
    answer = team.client.get("/peer-learnings", headers={"X-Request-ID": sent})
    assert answer.headers["X-Request-ID"] == sent
    logged = lines(json_log)
    assert all(set(line) >= KEYS for line in logged)
    assert [line["message"] for line in logged if line["request_id"] == sent] == [
        "GET /peer-learnings 200"
    ]


def test_a_command_logs_under_its_own_new_id_and_no_token(
    team: ApiClient, json_log: io.StringIO
) -> None:
    first = team.announce(title="Reihe Quastenberg")
    second = team.client.get("/peer-learnings", headers={"X-Request-ID": "bad id <script>"})
    ids = {first.headers["X-Request-ID"], second.headers["X-Request-ID"]}
    assert len(ids) == 2 and "bad id <script>" not in ids
    logged = lines(json_log)
    assert {line["request_id"] for line in logged} == ids
    assert "POST /peer-learnings 201" in [line["message"] for line in logged]
    text = json_log.getvalue()
    assert TEAM not in text and "Quastenberg" not in text


def test_an_unknown_format_is_refused() -> None:
    from runtime.errors import SettingError

    with pytest.raises(SettingError, match="PEERLEARNING_LOG_FORMAT"):
        configure_logging(logging.INFO, {"PEERLEARNING_LOG_FORMAT": "xml"}, io.StringIO())
