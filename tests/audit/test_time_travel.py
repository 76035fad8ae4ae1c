"""Time travel over recording time answers what the issued commands had made of a series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from application.app import PeerLearningApp
from audit.time_travel import VersionNotFound, catalogue_as_of, series_as_of
from domain.errors import PeerLearningNotFound
from projections.projector import Projector
from projections.queries import ViewQueries
from store.settings import store_settings
from tests.support.clock import FakeClock
from tests.support.samples import announce, municipality, schedule

KICKOFF_DAY = date(2024, 10, 8)
ON = date(2024, 10, 1)


def now() -> datetime:
    return datetime.now(UTC)


def test_each_version_shows_the_series_as_that_command_left_it(
    audited_app: PeerLearningApp,
) -> None:
    series_id = announce(audited_app, title="Erster Titel")
    schedule(audited_app, series_id, "kickoff", KICKOFF_DAY)
    audited_app.revise_details(series_id, {"title": "Zweiter Titel"}, actor="anna")
    audited_app.set_joining(series_id, open=False, actor="anna")
    first = series_as_of(audited_app, series_id, version=1, on=ON)
    assert (first["title"], first["meetings"], first["joining_open"]) == ("Erster Titel", [], True)
    third = series_as_of(audited_app, series_id, version=3, on=ON)
    assert third["title"] == "Zweiter Titel" and len(third["meetings"]) == 1
    assert third["version"] == 3 and third["joining_open"] is True
    # joining was closed on the day version 4 was recorded (the default day), not before
    assert series_as_of(audited_app, series_id, version=4)["joining_open"] is False
    assert series_as_of(audited_app, series_id, version=4, on=ON)["joining_open"] is True
    with pytest.raises(VersionNotFound):
        series_as_of(audited_app, series_id, version=5)
    with pytest.raises(VersionNotFound):
        series_as_of(audited_app, series_id, version=0)


def test_as_of_a_moment_shows_what_had_been_recorded_by_then(
    audited_app: PeerLearningApp,
) -> None:
    before = now()
    series_id = announce(audited_app, title="Erster Titel")
    after_announce = now()
    audited_app.revise_details(series_id, {"title": "Zweiter Titel"}, actor="anna")
    after_revision = now()
    with pytest.raises(PeerLearningNotFound):
        series_as_of(audited_app, series_id, as_of=before)
    assert series_as_of(audited_app, series_id, as_of=after_announce)["title"] == "Erster Titel"
    latest = series_as_of(audited_app, series_id, as_of=after_revision)
    assert (latest["title"], latest["version"]) == ("Zweiter Titel", 2)
    assert series_as_of(audited_app, series_id, as_of=after_announce, on=ON) == series_as_of(
        audited_app, series_id, version=1, on=ON
    )


def test_participants_count_as_recorded_at_the_moment(
    audited_app: PeerLearningApp,
) -> None:
    series_id = announce(audited_app)
    enrollment_id, _ = audited_app.enrol(
        series_id, municipality(), "Erika Muster", "erika@example.org", actor="anna"
    )
    audited_app.join(enrollment_id, "Max Muster", "max@example.org", actor="anna")
    one_joined = now()
    audited_app.join(enrollment_id, "Moritz Muster", "moritz@example.org", actor="anna")
    assert series_as_of(audited_app, series_id, as_of=one_joined)["participants"] == 1
    assert series_as_of(audited_app, series_id, as_of=now())["participants"] == 2


def test_the_catalogue_as_of_lists_only_series_known_then(
    audited_app: PeerLearningApp,
) -> None:
    first = announce(audited_app, title="Früh angekündigt")
    between = now()
    second = announce(audited_app, title="Spät angekündigt", starts_on=date(2024, 11, 1))
    assert [i["id"] for i in catalogue_as_of(audited_app, between, on=ON)] == [first]
    assert [i["id"] for i in catalogue_as_of(audited_app, now(), on=ON)] == [second, first]
    assert catalogue_as_of(audited_app, between - timedelta(days=1)) == []


def test_replayed_answers_equal_the_live_views_field_by_field(
    audited_app: PeerLearningApp,
    live_views: tuple[Projector, ViewQueries],
    clock: FakeClock,
) -> None:
    _, views = live_views
    series_id = announce(audited_app, capacity=1)
    announce(audited_app, title="Andere Reihe", starts_on=date(2024, 9, 1))
    kickoff = schedule(audited_app, series_id, "kickoff", KICKOFF_DAY)
    cancelled = schedule(audited_app, series_id, "exchange", date(2024, 11, 5))
    schedule(audited_app, series_id, "exchange", date(2024, 12, 3))
    enrollment_id, _ = audited_app.enrol(
        series_id, municipality(), "Erika Muster", "erika@example.org", actor="anna"
    )
    audited_app.enrol(series_id, municipality("Stadt Soest"), "Eva", "eva@example.org", "anna")
    audited_app.join(enrollment_id, "Max Muster", "max@example.org", actor="anna")
    audited_app.cancel_meeting(series_id, cancelled, actor="anna")
    clock.set(datetime(2024, 10, 8, 16, 0, tzinfo=UTC))
    audited_app.mark_meeting_held(series_id, kickoff, actor="anna", attendance=7)
    for day in (ON, date(2024, 10, 9), date(2025, 1, 1)):
        assert series_as_of(audited_app, series_id, as_of=now(), on=day) == views.series_detail(
            series_id, on=day
        )
        live, total = views.catalogue(on=day)
        assert catalogue_as_of(audited_app, now(), on=day) == live and total == 2


def long_series(app: PeerLearningApp, events: int) -> UUID:
    """A series of `events` events, joining closed and reopened in turn, saved every 50
    events, so each save leaves a snapshot."""
    series_id = announce(app)
    series = app.series(series_id)
    while series.version < events:
        for _ in range(min(50 - series.version % 50, events - series.version)):
            (series.close_joining if series.joining_open else series.reopen_joining)(actor="a")
        app.save(series)
    return series_id


def counting_decoded(app: PeerLearningApp, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The stored events and snapshots the application decodes from now on."""
    decoded: list[Any] = []
    to_domain_event = app.mapper.to_domain_event

    def counting(stored: Any) -> Any:
        decoded.append(stored)
        return to_domain_event(stored)

    monkeypatch.setattr(app.mapper, "to_domain_event", counting)
    return decoded


def test_an_old_version_of_a_long_series_starts_from_a_snapshot(
    audited_app: PeerLearningApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    series_id = long_series(audited_app, 260)
    decoded = counting_decoded(audited_app, monkeypatch)
    assert audited_app.series(series_id, version=210).version == 210
    assert 0 < len(decoded) < 30, f"replayed {len(decoded)} stored events and snapshots"
    # the state on a day needs the days of the facts, which only the stream holds
    old = series_as_of(audited_app, series_id, version=210)
    assert old["version"] == 210 and old["joining_open"] is False


def test_a_series_history_is_read_once_and_later_events_are_added(
    audited_app: PeerLearningApp, store_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    series_id = long_series(audited_app, 120)
    decoded = counting_decoded(audited_app, monkeypatch)
    first = series_as_of(audited_app, series_id, version=100, on=ON)
    read_first = len(decoded)
    decoded.clear()
    again = series_as_of(audited_app, series_id, version=61, on=ON)  # a snapshot at 50

    assert read_first >= 100 and len(decoded) < 20, (read_first, len(decoded))
    series = audited_app.series(series_id)
    series.close_joining(actor="b") if series.joining_open else series.reopen_joining(actor="b")
    audited_app.save(series)
    latest = series_as_of(audited_app, series_id, version=121)
    fresh = PeerLearningApp(env=store_settings(store_url).env, clock=clock)
    try:
        assert series_as_of(fresh, series_id, version=100, on=ON) == first
        assert series_as_of(fresh, series_id, version=61, on=ON) == again
        assert series_as_of(fresh, series_id, version=121) == latest
    finally:
        fresh.close()
    # 119 changes closed joining at version 120; the 120th, added later, reopened it
    assert series_as_of(audited_app, series_id, version=120)["joining_open"] is False
    assert latest["joining_open"] is True
