"""The demo is written like any user's work: through the commands, by "demo", once."""

from __future__ import annotations

from pathlib import Path

import pytest

from demo.catalogue import ACTOR, StoreNotEmpty, is_empty, load_demo
from demo.people import MODEL_PROJECTS
from domain.errors import NotEligible
from peerlearning.bootstrap import Services
from peerlearning.cli import main
from tests.demo.conftest import AFTER_THE_PAGE, open_services
from tests.demo.seed import SEED_DAY
from tests.support.samples import announce


def test_every_event_names_the_demo_as_its_cause(demo: Services) -> None:
    app = demo.app
    last = app.recorder.max_notification_id() or 0
    notifications = app.recorder.select_notifications(start=1, limit=last + 1)
    assert len(notifications) == last > 300
    actors = {getattr(app.mapper.to_domain_event(n), "actor", None) for n in notifications}
    assert actors == {ACTOR}


def test_the_hosts_are_listed_as_model_projects_and_cannot_enrol(demo: Services) -> None:
    listed = {p["name"] for p in demo.views.model_projects()}
    assert {p.name for p in MODEL_PROJECTS} == listed
    items, _ = demo.views.catalogue(on=SEED_DAY, q="Smart Cities: Schule")
    soest: dict[str, str | None] = {
        "name": "Stadt Soest",
        "key": "05974040",
        "state": "NRW",
        "region": "Südwestfalen",
    }
    with pytest.raises(NotEligible, match="model project"):
        demo.app.enrol(items[0]["id"], soest, "Eva Muster", "eva@example.org", "anna")


def test_municipalities_and_people_are_fictional_contacts(demo: Services) -> None:
    items, _ = demo.views.catalogue(on=SEED_DAY, per_page=100, dated=False)
    rosters = [e for item in items for e in demo.views.roster(item["id"])]
    assert len(rosters) >= 20
    assert all(e["municipality"]["key"] and len(e["municipality"]["key"]) == 8 for e in rosters)
    emails = [p["email"] for e in rosters for p in e["participants"]] + [
        e["contact"]["email"] for e in rosters
    ]
    assert emails and all(email.endswith("@example.org") for email in emails)
    assert all(item["municipalities"] >= 1 for item in items)


def test_the_demo_loads_only_into_an_empty_store(store_url: str) -> None:
    services = open_services(store_url, AFTER_THE_PAGE)
    try:
        assert is_empty(services)
        announce(services.app)
        assert not is_empty(services)
        before = services.app.recorder.max_notification_id()
        with pytest.raises(StoreNotEmpty, match="only into an empty store"):
            load_demo(services)
        assert services.app.recorder.max_notification_id() == before
    finally:
        services.close()


def test_the_command_line_loads_once_and_then_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PEERLEARNING_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.db'}")
    assert main(["demo", "load", "--quiet"]) == 0
    assert "Loaded 11 demo series" in capsys.readouterr().out
    assert main(["demo", "load", "--quiet"]) == 1
    assert "only into an empty store" in capsys.readouterr().err
