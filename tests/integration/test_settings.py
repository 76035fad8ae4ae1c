"""PEERLEARNING_DATABASE_URL: how it is read, and how a bad store fails at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerlearning.bootstrap import open_application
from runtime.errors import SettingError
from store.settings import DATABASE_URL, store_settings
from tests.support.samples import announce
from tests.support.stores import postgres_schema


def test_the_default_is_a_sqlite_file_created_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATABASE_URL, raising=False)
    monkeypatch.chdir(tmp_path)
    settings = store_settings()
    assert (settings.kind, settings.sqlite_path) == ("sqlite", "var/peerlearning.db")
    assert not (tmp_path / "var" / "peerlearning.db").exists()
    app = open_application(settings)
    announce(app)
    app.close()
    assert (tmp_path / "var" / "peerlearning.db").stat().st_size > 0


def test_the_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_URL, "postgresql://anna@db.example:6543/programme")
    assert store_settings().env["POSTGRES_HOST"] == "db.example"


def test_three_slashes_name_a_relative_file_four_an_absolute_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert store_settings("sqlite:///var/pl.db").sqlite_path == "var/pl.db"
    assert (tmp_path / "var").is_dir()
    absolute = tmp_path / "store" / "pl.db"
    settings = store_settings(f"sqlite:///{absolute}")
    assert settings.sqlite_path == str(absolute) and str(absolute).startswith("/")
    assert absolute.parent.is_dir()


def test_a_postgresql_url_maps_onto_the_library_settings() -> None:
    url = "postgresql://anna:s%40cret@db.example:6543/programme?schema=peer"
    env = store_settings(url).env
    assert env["PERSISTENCE_MODULE"] == "store.bounded_postgres:BoundedPostgresFactory"
    assert (env["POSTGRES_HOST"], env["POSTGRES_PORT"], env["POSTGRES_DBNAME"]) == (
        "db.example",
        "6543",
        "programme",
    )
    assert (env["POSTGRES_USER"], env["POSTGRES_PASSWORD"], env["POSTGRES_SCHEMA"]) == (
        "anna",
        "s@cret",
        "peer",
    )


def test_a_schema_in_the_url_is_created_and_used() -> None:
    with postgres_schema() as url:
        app = open_application(store_settings(url))
        series_id = announce(app)
        app.close()
        again = open_application(store_settings(url))
        assert again.series(series_id).details.host == "Stadt Wuppertal"
        again.close()


BROKEN_STORES = {
    "unknown scheme": ("mysql://anna@127.0.0.1/programme", "is not understood"),
    "no file": ("sqlite://", "names no file"),
    "PostgreSQL down": ("postgresql://postgres@127.0.0.1:1/test", "Connection refused"),
    "PostgreSQL down, with schema": (
        "postgresql://postgres@127.0.0.1:1/test?schema=peer",
        "Connection refused",
    ),
    "unknown database": ("postgresql://postgres@127.0.0.1:5432/no_such_db", "does not exist"),
    "password": ("postgresql://anna:geheim@127.0.0.1:1/test", "postgresql://anna:***@"),
    "ignored option": (
        "postgresql://anna:geheim@127.0.0.1/test?sslmode=require",
        "has the option sslmode, which is not understood; this store takes ?schema=",
    ),
    "option on SQLite": ("sqlite:///pl.db?mode=ro", "this store takes no options"),
    "odd schema": ('postgresql://a@127.0.0.1/test?schema=x"y', "schema 'x\"y' must be letters"),
    "empty schema": ("postgresql://a@127.0.0.1/test?schema=", "schema '' must be letters"),
    "bad port": ("postgresql://a@127.0.0.1:543x/test", "has no valid port"),
}


@pytest.mark.parametrize(("url", "says"), BROKEN_STORES.values(), ids=BROKEN_STORES.keys())
def test_a_store_that_cannot_be_used_fails_at_start(url: str, says: str) -> None:
    with pytest.raises(SettingError) as refused:
        open_application(store_settings(url))
    message = str(refused.value)
    assert message.startswith(f"{DATABASE_URL}=") and says in message
    assert "geheim" not in message


def sqlite_paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    (tmp_path / "a-file").write_text("not a folder")
    (tmp_path / "garbage.db").write_bytes(b"this is not a database file " * 40)
    return {
        "under a file": (tmp_path / "a-file" / "pl.db", "cannot be created"),
        "a folder": (tmp_path, "unable to open database file"),
        "not a database": (tmp_path / "garbage.db", "file is not a database"),
    }


@pytest.mark.parametrize("case", ["under a file", "a folder", "not a database"])
def test_an_unusable_sqlite_file_fails_at_start(tmp_path: Path, case: str) -> None:
    path, says = sqlite_paths(tmp_path)[case]
    with pytest.raises(SettingError, match=f"^{DATABASE_URL}=sqlite:///.*{says}"):
        open_application(store_settings(f"sqlite:///{path}"))


@pytest.mark.parametrize("url", ["mysql://x/y", "postgresql://postgres@127.0.0.1:1/test"])
def test_the_command_line_names_the_setting_without_a_traceback(url: str, tmp_path: Path) -> None:
    env = {**os.environ, DATABASE_URL: url}
    done = subprocess.run(
        [sys.executable, "-m", "peerlearning.cli", "rebuild"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"peerlearning: {DATABASE_URL}=")
    assert "Traceback" not in done.stderr
