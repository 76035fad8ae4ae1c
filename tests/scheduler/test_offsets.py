"""Offsets from the setting or the series, meeting modes, and the DST weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from peerlearning.bootstrap import Services
from scheduler.dispatch_queries import DispatchQueries
from scheduler.service import ReminderService, build_service
from scheduler.settings import reminder_settings
from tests.scheduler.scenario import P1D_DUE, P7D_DUE, Scenario, email_of, series_with
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock


def due_times(dispatches: DispatchQueries) -> dict[str, datetime]:
    return {d["offset"]: d["due_at"] for d in dispatches.listing()}


def sweep_at(reminders: ReminderService, clock: FakeClock, *moments: datetime) -> None:
    for moment in moments:
        clock.set(moment)
        reminders.sweep()


def test_the_global_setting_chooses_the_offsets(
    services: Services,
    scenario: Scenario,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    env = {**sink.env, "PEERLEARNING_REMINDER_OFFSETS": "PT2H, P2D"}
    reminders = build_service(
        services.app, services.views, services.db, reminder_settings(env), owner="t"
    )
    scenario.join("Eva")
    scenario.schedule_kickoff()
    start = datetime(2024, 10, 1, 8, 0, tzinfo=UTC)
    try:
        sweep_at(reminders, clock, start - timedelta(days=2), start - timedelta(hours=2))
    finally:
        reminders.close()
    assert due_times(dispatches) == {
        "P2D": start - timedelta(days=2),
        "PT2H": start - timedelta(hours=2),
    }
    assert len(sink.messages) == 2


def test_a_series_can_choose_its_own_offsets(
    services: Services,
    reminders: ReminderService,
    dispatches: DispatchQueries,
    clock: FakeClock,
) -> None:
    scenario = series_with(services.app, reminder_offsets=["PT30M"])
    scenario.join("Eva")
    scenario.schedule_kickoff()
    start = datetime(2024, 10, 1, 8, 0, tzinfo=UTC)
    sweep_at(reminders, clock, P7D_DUE, P1D_DUE, start - timedelta(minutes=30))
    assert due_times(dispatches) == {"PT30M": start - timedelta(minutes=30)}


@pytest.mark.parametrize(
    ("format", "mode", "remind_on_site", "reminded"),
    [
        ("hybrid", "hybrid", False, True),
        ("on_site", "on_site", False, False),
        ("on_site", "on_site", True, True),
    ],
)
def test_on_site_meetings_only_when_the_series_opts_in(
    services: Services,
    reminders: ReminderService,
    sink: SmtpSink,
    clock: FakeClock,
    format: str,
    mode: str,
    remind_on_site: bool,
    reminded: bool,
) -> None:
    scenario = series_with(
        services.app, format=format, location="Wuppertal", remind_on_site=remind_on_site
    )
    scenario.join("Eva")
    scenario.schedule_kickoff(mode=mode)
    sweep_at(reminders, clock, P7D_DUE)
    assert len(sink.messages) == (1 if reminded else 0)


@pytest.mark.parametrize(
    ("day", "p7d_due", "p1d_due"),
    [
        # Monday after the last Sunday of March: CET a week before, CEST the day before
        (date(2025, 3, 31), datetime(2025, 3, 24, 9, 0, tzinfo=UTC),
         datetime(2025, 3, 30, 8, 0, tzinfo=UTC)),
        # Monday after the last Sunday of October: CEST a week before, CET the day before
        (date(2024, 10, 28), datetime(2024, 10, 21, 8, 0, tzinfo=UTC),
         datetime(2024, 10, 27, 9, 0, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_the_dst_week_keeps_local_times(
    scenario: Scenario,
    reminders: ReminderService,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
    day: date,
    p7d_due: datetime,
    p1d_due: datetime,
) -> None:
    scenario.join("Eva")
    scenario.join("Joe", locale="en", timezone="America/New_York")
    scenario.schedule_kickoff(day=day)
    sweep_at(reminders, clock, p7d_due - timedelta(seconds=1), p7d_due, p1d_due)
    assert due_times(dispatches) == {"P7D": p7d_due, "P1D": p1d_due}
    weekday = f"Montag, {day.day}. {'März' if day.month == 3 else 'Oktober'} {day.year}"
    for mail in sink.to(email_of("Eva")):
        assert mail["Subject"].endswith(f"am {weekday}, 10:00 Uhr")
        event = Calendar.from_ical(next(mail.iter_attachments()).get_content()).walk("VEVENT")[0]
        assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(
            day.year, day.month, day.day, 10, 0
        )
    new_york = "04:00" if day.month == 3 else "05:00"  # the US switched on other dates
    for mail in sink.to(email_of("Joe")):
        assert mail["Subject"].endswith(f", {new_york}")
    assert len(sink.messages) == 4
