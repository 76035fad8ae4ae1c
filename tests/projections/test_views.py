"""The views follow every event type and equal a clean rebuild, on both stores."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from peerlearning.bootstrap import Services
from projections.rebuild import rebuild
from tests.support.clock import FakeClock, recorded_by_now
from tests.support.samples import announce, at, municipality, schedule

DAY = date(2024, 10, 1)


def run_series_to_close(services: Services, clock: FakeClock) -> dict[str, UUID]:
    app = services.app
    sid = announce(app, capacity=1, format="hybrid", location="Wuppertal")
    kickoff = schedule(app, sid, "kickoff", DAY)
    exchange = schedule(app, sid, "exchange", DAY + timedelta(days=30))
    dropped = schedule(app, sid, "exchange", DAY + timedelta(days=40))
    reflection = schedule(app, sid, "reflection", DAY + timedelta(days=60))
    app.reschedule_meeting(
        sid,
        exchange,
        at(DAY + timedelta(days=31), 14),
        at(DAY + timedelta(days=31), 16),
        actor="anna",
    )
    app.cancel_meeting(sid, dropped, actor="anna", reason="Feiertag")
    app.revise_details(sid, {"summary": "Neu gefasst."}, actor="anna")
    first, _ = app.enrol(
        sid, municipality("Stadt Arnsberg"), "Max Muster", "max@example.org", actor="anna"
    )
    second, _ = app.enrol(
        sid, municipality("Stadt Olpe"), "Eva Beispiel", "eva@example.org", actor="anna"
    )
    erika = app.join(second, "Erika Mustermann", "erika@example.org", actor="anna")
    left = app.join(first, "Jonas Probe", "jonas@example.org", actor="anna", locale="en")
    app.leave(first, left, actor="anna")
    app.withdraw_enrollment(first, actor="anna")
    app.set_joining(sid, open=False, actor="anna")
    app.set_joining(sid, open=True, actor="anna")
    for meeting in (kickoff, exchange, reflection):
        clock.set(services.views.meeting(sid, meeting)["starts_at"] + timedelta(minutes=5))
        app.mark_meeting_held(sid, meeting, actor="anna", attendance=7)
    app.close_series(sid, actor="anna")
    return {
        "series": sid,
        "first": first,
        "second": second,
        "erika": erika,
        "kickoff": kickoff,
        "dropped": dropped,
    }


def test_views_follow_every_event_type(services: Services, clock: FakeClock) -> None:
    ids = run_series_to_close(services, clock)
    # on a day after every fact, the one without a programme day (recorded now) included
    detail = services.views.series_detail(
        ids["series"], on=max(date(2024, 12, 31), recorded_by_now())
    )
    assert detail is not None
    assert detail["status"] == "closed"
    assert detail["summary"] == "Neu gefasst."
    assert detail["kickoff_held_on"] == DAY
    assert detail["reflection_held_on"] == DAY + timedelta(days=60)
    assert (detail["meetings_held"], detail["meetings_scheduled"]) == (3, 3)
    assert (detail["municipalities"], detail["waitlisted"], detail["participants"]) == (1, 0, 1)
    assert detail["joining_open"] is False
    states = {m["meeting_id"]: m["state"] for m in detail["meetings"]}
    assert states[ids["dropped"]] == "cancelled"
    assert sorted(states.values()).count("held") == 3
    roster = {e["enrollment_id"]: e for e in services.views.roster(ids["series"])}
    assert roster[ids["first"]]["status"] == "withdrawn"
    assert roster[ids["second"]]["status"] == "admitted"
    assert [p["name"] for p in roster[ids["second"]]["participants"]] == ["Erika Mustermann"]
    assert roster[ids["first"]]["participants"][0]["left_at"] is not None


def test_rebuild_equals_the_live_views(services: Services, clock: FakeClock) -> None:
    run_series_to_close(services, clock)
    report = rebuild(services.projector, show_progress=False)
    assert report.compared and report.ok, report.differences
    assert report.events == services.app.recorder.max_notification_id()


def test_a_command_is_visible_to_the_next_read(services: Services) -> None:
    sid = announce(services.app, title="Kommunale Kommunikationsnetze")
    items, total = services.views.catalogue(on=date(2024, 9, 20))
    assert total == 1 and items[0]["id"] == sid and items[0]["status"] == "new"
    meeting = schedule(services.app, sid, "kickoff", DAY, 14, 16)
    detail = services.views.series_detail(sid, on=date(2024, 9, 20))
    assert detail is not None and detail["next_meeting"] == at(DAY, 14)
    assert [m["meeting_id"] for m in detail["meetings"]] == [meeting]


def test_upcoming_meetings_leave_out_cancelled_and_held(
    services: Services, clock: FakeClock
) -> None:
    sid = announce(services.app)
    kickoff = schedule(services.app, sid, "kickoff", DAY)
    later = schedule(services.app, sid, "exchange", DAY + timedelta(days=7))
    gone = schedule(services.app, sid, "exchange", DAY + timedelta(days=14))
    services.app.cancel_meeting(sid, gone, actor="anna")
    clock.set(at(DAY, 11))
    services.app.mark_meeting_held(sid, kickoff, actor="anna")
    upcoming = services.views.upcoming_meetings(after=at(DAY, 0) - timedelta(days=1))
    assert [m["meeting_id"] for m in upcoming] == [later]
    assert upcoming[0]["series_title"].startswith("Urbane Digitale Zwillinge")
    assert upcoming[0]["schedule_version"] == 1
