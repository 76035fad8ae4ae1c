"""After erasure no byte of the person's name or address is left in the store.

Checked below SQL: in the SQLite file and its write-ahead log, and in PostgreSQL's pages.
Each scan first finds the bytes before the erasure, and still finds the people who stay.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import psycopg
import pytest

from application.app import PeerLearningApp
from audit.erasure import erase_person
from audit.wiring import Audit
from domain.reminders import ReminderDispatch
from peerlearning.bootstrap import Services
from peerlearning.cli import main
from projections.projector import Projector
from projections.queries import ViewQueries
from store import wiping
from store.settings import DATABASE_URL, StoreSettings, psycopg_conninfo, store_settings
from store.wiping import NotReclaimed
from tests.api.client import ApiClient
from tests.audit.raw_store import (
    analyze,
    found,
    postgres_file_bytes,
    postgres_pages,
    postgres_relation_files,
    postgres_samples,
    sqlite_table_pages,
    store_bytes,
)
from tests.support.samples import announce, municipality

ERASED_ONE = ("Zoë Löschbar-Ñandú", "zoe.loeschbar@example.org")
CONTACT = ("Erika Kontaktperson", "erika.kontakt@example.org")
KEPT = ("Klara Bleibt", "klara.bleibt@example.org")
OTHERS = 40  # enough people on other pages, so the store is not just the erased one


class Roster:
    def __init__(self, app: PeerLearningApp, others: int = OTHERS) -> None:
        self.app = app
        self.series_id = announce(app)
        self.enrollment_id, _ = app.enrol(self.series_id, municipality(), *CONTACT, actor="anna")
        self.person_id = app.join(self.enrollment_id, *ERASED_ONE, actor="anna")
        app.join(self.enrollment_id, *KEPT, actor="anna")
        for i in range(others):
            place, _ = app.enrol(
                self.series_id,
                municipality(f"Gemeinde {i}"),
                f"Kontakt {i}",
                f"kontakt.{i}@example.org",
                actor="anna",
            )
            app.join(place, f"Teilnehmerin {i}", f"teilnehmerin.{i}@example.org", actor="anna")

    def contact_id(self) -> UUID:
        return self.app.enrollment(self.enrollment_id).contact.subject_id


def dispatch_failed_for(
    app: PeerLearningApp, series_id: UUID, participant_id: UUID, reason: str
) -> None:
    """A reminder to the person that the mail server refused, with its answer as reason."""
    now = datetime(2024, 10, 1, 8, tzinfo=UTC)
    dispatch = ReminderDispatch(
        purpose="reminder",
        peer_learning_id=series_id,
        meeting_id=uuid4(),
        schedule_version=1,
        offset="P1D",
        participant_id=participant_id,
        due_at=now,
        meeting_starts_at=now + timedelta(days=1),
        owner="test",
        lease_until=now + timedelta(minutes=5),
        actor="scheduler",
    )
    dispatch.record_failed(reason, actor="scheduler")
    app.record(dispatch)


@pytest.mark.parametrize("who", ["participant", "contact"])
def test_no_byte_of_the_erased_person_is_left_in_the_store(
    audited_app: PeerLearningApp,
    audit: Audit,
    live_views: tuple[Projector, ViewQueries],
    store_url: str,
    who: str,
) -> None:
    erase_and_scan(audited_app, audit, live_views[0], store_settings(store_url), who)


@pytest.fixture
def sqlite_without_secure_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new SQLite connection starts with secure deletion off, as in builds without
    SQLITE_SECURE_DELETE (this machine's library has it on by default)."""
    connect = sqlite3.connect

    def insecure(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")
        return conn

    monkeypatch.setattr(sqlite3, "connect", insecure)


def test_sqlite_wipes_freed_rows_even_where_secure_deletion_is_off_by_default(
    sqlite_without_secure_delete: None,
    audited_app: PeerLearningApp,
    audit: Audit,
    live_views: tuple[Projector, ViewQueries],
    store_url: str,
) -> None:
    settings = store_settings(store_url)
    if not settings.is_sqlite:
        pytest.skip("a SQLite build option")
    erase_and_scan(audited_app, audit, live_views[0], settings, "participant")


def erase_and_scan(
    app: PeerLearningApp, audit: Audit, projector: Projector, settings: StoreSettings, who: str
) -> None:
    roster = Roster(app)
    app.leave(roster.enrollment_id, roster.person_id, actor="anna")  # rewrites the row
    projector.rebuild()  # the old view tables are dropped: their pages are freed
    erased = ERASED_ONE if who == "participant" else CONTACT
    subject = roster.person_id if who == "participant" else roster.contact_id()
    key = audit.keys.find(subject)
    before = store_bytes(settings)
    assert found(before, [*erased, *KEPT]) == {*erased, *KEPT}
    assert key is not None and key in before
    if not settings.is_sqlite:
        analyze(settings)
        assert found(postgres_samples(settings), erased) == set(erased)

    erase_person(app, audit.keys, subject, actor="team")

    left = store_bytes(settings)
    assert found(left, erased) == set()
    assert key not in left, "the key that opens the sealed events is still readable"
    if not settings.is_sqlite:
        assert found(postgres_samples(settings), erased) == set()
    assert found(left, KEPT) == set(KEPT)
    assert audit.verify(app).ok


def test_a_refused_reminder_keeps_no_name_or_address_in_the_dispatch_view(
    audited_app: PeerLearningApp,
    audit: Audit,
    live_views: tuple[Projector, ViewQueries],
    store_url: str,
) -> None:
    """The stored event keeps its reason (the log is not rewritten); the view must not."""
    settings = store_settings(store_url)
    roster = Roster(audited_app, others=5)
    name, address = ERASED_ONE
    reason = f"550 5.1.1 <{address.upper()}>: no mailbox for {name}"
    dispatch_failed_for(audited_app, roster.series_id, roster.person_id, reason)
    # The view already leaves out anything that looks like an address; the name stays.
    assert found(dispatch_pages(settings), ERASED_ONE) == {name}

    erase_person(audited_app, audit.keys, roster.person_id, actor="team")

    assert found(dispatch_pages(settings), ERASED_ONE) == set()
    expected = "550 5.1.1 <[address]>: no mailbox for erased"
    assert reasons(live_views[1], roster.series_id) == [expected]


def test_a_refused_reminder_naming_the_corrected_name_keeps_neither_name(
    audited_app: PeerLearningApp,
    audit: Audit,
    live_views: tuple[Projector, ViewQueries],
    store_url: str,
) -> None:
    """A correction is a later version of the person: the erasure scrubs every version."""
    settings = store_settings(store_url)
    roster = Roster(audited_app, others=1)
    first, corrected = ERASED_ONE[0], "Zoë Korrigiert-Ñandú"
    before = f"550 5.1.1 no mailbox for {first}"
    dispatch_failed_for(audited_app, roster.series_id, roster.person_id, before)
    changes = {"name": corrected}
    audited_app.correct_participant(roster.enrollment_id, roster.person_id, changes, actor="anna")
    dispatch_failed_for(audited_app, roster.series_id, roster.person_id, f"550 {corrected}")
    assert found(dispatch_pages(settings), (first, corrected)) == {first, corrected}

    erase_person(audited_app, audit.keys, roster.person_id, actor="team")

    assert found(dispatch_pages(settings), (first, corrected)) == set()
    assert sorted(reasons(live_views[1], roster.series_id)) == [
        "550 5.1.1 no mailbox for erased",
        "550 erased",
    ]


def dispatch_pages(settings: StoreSettings) -> bytes:
    table = "view_reminder_dispatches"
    if settings.is_sqlite:
        return sqlite_table_pages(settings, table)
    return postgres_pages(settings, table)


def reasons(views: ViewQueries, series_id: UUID) -> list[Any]:
    with views.db.transaction() as tx:
        rows = tx.fetchall(
            "SELECT reason FROM view_reminder_dispatches WHERE peer_learning_id = ?",
            [str(series_id)],
        )
    return [row[0] for row in rows]


@pytest.mark.heavy
def test_postgres_relation_files_keep_no_byte_of_the_erased_person(
    audited_app: PeerLearningApp,
    audit: Audit,
    live_views: tuple[Projector, ViewQueries],
    store_url: str,
) -> None:
    """Below the buffer cache: the files, old ones included, after a checkpoint."""
    settings = store_settings(store_url)
    if settings.is_sqlite:
        pytest.skip("the SQLite file is read whole by the test above")
    roster = Roster(audited_app)
    audited_app.leave(roster.enrollment_id, roster.person_id, actor="anna")
    before = postgres_relation_files(settings)
    assert found(postgres_file_bytes(settings, before), ERASED_ONE) == set(ERASED_ONE)

    erase_person(audited_app, audit.keys, roster.person_id, actor="team")

    files = {*before, *postgres_relation_files(settings)}
    left = postgres_file_bytes(settings, files)
    assert found(left, ERASED_ONE) == set()
    assert found(left, KEPT) == set(KEPT)


@pytest.fixture
def short_lock_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stops waiting for busy SQLite readers, or older PostgreSQL transactions, after a
    second instead of five or ten."""
    monkeypatch.setenv("PEERLEARNING_SQLITE_LOCK_TIMEOUT", "1")
    monkeypatch.setattr(wiping, "REWRITE_PATIENCE", 1.0)


def test_a_transaction_older_than_the_erasure_makes_it_ask_to_be_run_again(
    short_lock_timeout: None,
    audited_app: PeerLearningApp,
    audit: Audit,
    live_views: tuple[Projector, ViewQueries],
    store_url: str,
) -> None:
    """While an older transaction may still read the rows, their bytes must stay; the
    erasure says so instead of claiming to be complete, and a second run completes it."""
    settings = store_settings(store_url)
    roster = Roster(audited_app, others=5)
    with older_transaction(settings):
        with pytest.raises(NotReclaimed):
            erase_person(audited_app, audit.keys, roster.person_id, actor="team")
        assert found(store_bytes(settings), ERASED_ONE) == set(ERASED_ONE)
    assert (
        audited_app.enrollment(roster.enrollment_id).participant(roster.person_id).person.is_erased
    )

    erase_person(audited_app, audit.keys, roster.person_id, actor="team")

    assert found(store_bytes(settings), ERASED_ONE) == set()


@contextmanager
def older_transaction(settings: StoreSettings) -> Iterator[None]:
    """A reader whose snapshot is taken now and kept (SQLite: on the log; PostgreSQL:
    REPEATABLE READ, touching no view table, so it holds no lock on them)."""
    if settings.is_sqlite:
        with closing(sqlite3.connect(settings.sqlite_path, isolation_level=None)) as conn:
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM view_participants").fetchone()
            yield
            conn.execute("ROLLBACK")
        return
    with psycopg.connect(psycopg_conninfo(settings)) as conn:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        conn.execute("SELECT 1").fetchone()
        yield
        conn.rollback()


def test_the_erasure_endpoint_leaves_no_byte_while_the_server_polls(
    team: ApiClient, services: Services, series: dict[str, Any]
) -> None:
    """As served: the views follow other processes' events in the background meanwhile."""
    services.start_polling(interval=0.01)
    enrollment_id = team.enrol(series["id"]).json["id"]  # type: ignore[index]
    joined = [
        team.post(f"/enrollments/{enrollment_id}/participants", {"name": n, "email": e}).json
        for n, e in (ERASED_ONE, KEPT)
    ]
    assert found(store_bytes(services.settings), ERASED_ONE) == set(ERASED_ONE)

    erased = team.post(f"/participants/{joined[0]['participant_id']}/erasure")  # type: ignore[index]

    assert erased.status_code == 200, erased.json
    left = store_bytes(services.settings)
    assert found(left, ERASED_ONE) == set()
    assert found(left, KEPT) == set(KEPT)


def test_the_erase_command_leaves_no_byte_while_another_process_serves(
    services: Services, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command opens its own pools and views, as a second process would."""
    roster = Roster(services.app, others=5)
    monkeypatch.setenv(DATABASE_URL, store_url)
    assert found(store_bytes(services.settings), ERASED_ONE) == set(ERASED_ONE)

    code = main(["audit", "erase", str(roster.person_id), "--actor", "team"])

    assert code == 0
    left = store_bytes(services.settings)
    assert found(left, ERASED_ONE) == set()
    assert found(left, KEPT) == set(KEPT)
    services.catch_up()  # the serving process learns of it and writes no copy back
    assert found(store_bytes(services.settings), ERASED_ONE) == set()
