"""The scheduler's log never holds a name or an address, even when building a mail crashes."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable

import pytest

from peerlearning.bootstrap import Services
from scheduler.dispatch_queries import DispatchQueries
from scheduler.process import ReminderScheduler
from scheduler.settings import reminder_settings
from tests.scheduler.legacy import join_as, set_offsets
from tests.scheduler.scenario import P7D_DUE, series_with
from tests.scheduler.smtp_sink import SmtpSink
from tests.support.clock import FakeClock
from tests.support.json_log import KEYS, lines
from tests.support.waiting import wait_until

PEOPLE = {
    "Evelyn Quastenberg": "evelyn.quastenberg@example.org",
    "Tom Tillmann\nBcc: victim@example.org": "tom.tillmann@example.org",
    "Gordon Gonzalez": "gordon.gonzalez@example.org",
}
CONTACTS = ["Clara Kontakt", "clara@example.org", "startsmart@example.org"]  # from the scenario
RUNS = ("sweep-", "reminder-", "reconcile-")
SERVER_LOG = "mail.log"  # the test's own SMTP server logs every address it is given


def personal_strings() -> list[str]:
    parts = [part for name in PEOPLE for part in name.split("\n")]
    return [*parts, *PEOPLE.values(), "victim@example.org", *CONTACTS]


def ours(record: logging.LogRecord) -> bool:
    return not record.name.startswith(SERVER_LOG)


def logged(caplog: pytest.LogCaptureFixture) -> str:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records if ours(record))


def leaks(written: str) -> list[str]:
    return [text for text in personal_strings() if text.casefold() in written.casefold()]


def crash_in_mail_building(
    services: Services, sink: SmtpSink, dispatches: DispatchQueries, clock: FakeClock
) -> Callable[[], bool]:
    """Three people in one series, one with an unbuildable mail, one refused by the server."""
    scenario = series_with(services.app)
    for name, email in PEOPLE.items():
        join_as(services.app, scenario.enrollment_id, name, email)
    scenario.schedule_kickoff()
    far = series_with(services.app, title="Reihe mit kaputtem Versatz")
    join_as(services.app, far.enrollment_id, "Evelyn Quastenberg", PEOPLE["Evelyn Quastenberg"])
    set_offsets(services.app, far.series_id, "P3000000D")
    far.schedule_kickoff()
    sink.handler.refused[PEOPLE["Gordon Gonzalez"]] = (
        "550 5.1.1 <gordon.gonzalez@example.org>: mailbox of Gordon Gonzalez unknown"
    )
    clock.set(P7D_DUE)

    def settled() -> bool:
        failed, sent = dispatches.listing(status="failed"), dispatches.listing(status="sent")
        return len(failed) == 3 and len(sent) == 1

    return settled


def run_scheduler(services: Services, sink: SmtpSink, until: Callable[[], bool], what: str) -> None:
    scheduler = ReminderScheduler(services, reminder_settings(sink.env)).start()
    try:
        wait_until(until, 30, what)
    finally:
        scheduler.shutdown()


def test_a_run_with_a_crash_in_mail_building_logs_no_personal_data(
    services: Services,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    settled = crash_in_mail_building(services, sink, dispatches, clock)
    run_scheduler(services, sink, lambda: bool(leaks(logged(caplog))) or settled(), "a sweep")

    written = logged(caplog) + capfd.readouterr().err
    assert leaks(written) == [], "personal data in the log"
    assert "UnbuildableMail" in written, "the crash in building Tom's mail was logged"
    assert settled()
    assert [str(mail["To"]) for mail in sink.messages] == [
        "Evelyn Quastenberg <evelyn.quastenberg@example.org>"
    ]


def test_the_json_log_of_the_same_run_has_ids_and_no_personal_data(
    services: Services,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
    json_log: io.StringIO,
) -> None:
    settled = crash_in_mail_building(services, sink, dispatches, clock)
    run_scheduler(services, sink, lambda: bool(leaks(json_log.getvalue())) or settled(), "a sweep")

    ours_only = [line for line in lines(json_log) if not line["logger"].startswith(SERVER_LOG)]
    assert leaks(json.dumps(ours_only, ensure_ascii=False)) == [], "personal data in the log"
    assert all(set(line) >= KEYS for line in ours_only)
    crash = [line for line in ours_only if "UnbuildableMail" in json.dumps(line)]
    assert crash, "the crash in building Tom's mail was logged"
    assert all(str(line["request_id"]).startswith(RUNS) for line in crash)


def test_each_mail_names_the_run_that_sent_it_as_its_log_lines_do(
    services: Services,
    sink: SmtpSink,
    dispatches: DispatchQueries,
    clock: FakeClock,
    json_log: io.StringIO,
) -> None:
    settled = crash_in_mail_building(services, sink, dispatches, clock)
    run_scheduler(services, sink, settled, "a sweep")

    [mail] = sink.messages
    run = str(mail["X-Request-ID"])
    assert run.startswith(RUNS)
    assert any(line["request_id"] == run for line in lines(json_log))
