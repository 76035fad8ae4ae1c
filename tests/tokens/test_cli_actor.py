"""Every `--actor` of the command line is one line of text before anything is recorded."""

from __future__ import annotations

from uuid import uuid4

import pytest

from peerlearning.cli import main
from store.settings import DATABASE_URL

NOT_ONE_LINE = ("evil\nactor", "evil\ractor", "evil\x1b[2Jactor", "", "   ")


@pytest.fixture
def store(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(DATABASE_URL, store_url)
    return store_url


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    assert exit_.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("actor", NOT_ONE_LINE)
def test_an_actor_that_is_not_one_line_is_refused_and_nothing_is_recorded(
    store: str, capsys: pytest.CaptureFixture[str], actor: str
) -> None:
    assert main(["tokens", "issue", "t9", "--role", "auditor", "--actor", "anna"]) == 0
    capsys.readouterr()

    for argv in (
        ("tokens", "revoke", "t9", "--actor", actor),
        ("tokens", "issue", "t10", "--role", "auditor", "--actor", actor),
        ("audit", "erase", str(uuid4()), "--actor", actor),
    ):
        error = refused(capsys, *argv)
        assert "argument --actor:" in error
        assert "must be one line" in error or "must not be empty" in error

    assert main(["tokens", "list"]) == 0
    listed = capsys.readouterr().out
    assert "t9" in listed and "valid" in listed and "t10" not in listed
