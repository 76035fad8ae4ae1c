"""After a run: every acknowledged write is in the log with everything kept with it (chain
links, keys, view rows and positions), and the views equal a rebuild."""

from __future__ import annotations

from collections import Counter
from uuid import UUID

from peerlearning.bootstrap import bootstrap, open_application
from projections.rebuild import rebuild
from store.settings import store_settings
from tests.audit.tampering import raw_transaction
from tests.reliability.load import Ledger
from tests.support.clock import FakeClock

ENROLLED = ("EnrollmentAdmitted", "EnrollmentWaitlisted")
GENUINE_CONFLICTS = {
    "urn:peerlearning:problem:stale-version",
    "urn:peerlearning:problem:concurrent-write",
}


def event_kinds(app: object, stream_id: str) -> Counter[str]:
    events = app.events.get(UUID(stream_id))  # type: ignore[attr-defined]
    return Counter(type(event).__name__ for event in events)


def missing_writes(store_url: str, ledger: Ledger) -> list[str]:
    """Each acknowledged write, looked for in a fresh read of the store.

    A write whose answer never came (the server died) may or may not be there.
    """
    services = bootstrap(store_settings(store_url), clock=FakeClock())
    try:
        app, missing = services.app, []
        for series_id in set(ledger.revisions) | set(ledger.enrolments):
            kinds, unanswered = event_kinds(app, series_id), ledger.unanswered[series_id]
            revised, enrolled = kinds["DetailsRevised"], sum(kinds[k] for k in ENROLLED)
            if not 0 <= revised - ledger.revisions[series_id] <= unanswered:
                missing.append(f"{series_id}: {revised} revisions recorded")
            if not 0 <= enrolled - ledger.enrolments[series_id] <= unanswered:
                missing.append(f"{series_id}: {enrolled} enrolments recorded")
        for enrollment_id, joined in ledger.participants.items():
            stored = set(app.enrollment(UUID(enrollment_id)).participants)
            missing += [f"participant {p} of {enrollment_id}" for p in joined - stored]
        for series_id, version in ledger.stale:
            if app.series(UUID(series_id)).version <= version:
                missing.append(f"412 on {series_id} at {version}, which was current")
        return missing
    finally:
        services.close()


def views_differ(store_url: str) -> list[str]:
    services = bootstrap(store_settings(store_url), clock=FakeClock())
    try:
        report = rebuild(services.projector, show_progress=False)
        return report.differences if report.compared else ["the log grew while rebuilding"]
    finally:
        services.close()


def unkept_with_their_commands(store_url: str, ledger: Ledger) -> list[str]:
    """What a killed server left half-done, read before anything catches up.

    Every event has its chain link; every view is at the last event (each command moved
    them in its own transaction); every acknowledged participant has a key and a view row.
    """
    settings = store_settings(store_url)
    app = open_application(settings)
    try:
        table = app.recorder.events_table_name  # type: ignore[attr-defined]
        column = "rowid" if settings.is_sqlite else "notification_id"
        with raw_transaction(settings) as tx:
            events = [int(p) for (p,) in tx.fetchall(f"SELECT {column} FROM {table} ORDER BY 1")]
            links = [int(p) for (p,) in tx.fetchall("SELECT position FROM audit_chain ORDER BY 1")]
            views = dict(tx.fetchall("SELECT name, position FROM view_tracking"))
            keys = {str(s) for (s,) in tx.fetchall("SELECT subject_id FROM personal_data_keys")}
            rows = {str(p) for (p,) in tx.fetchall("SELECT participant_id FROM view_participants")}
    finally:
        app.close()
    found = [f"event {p} has no chain link" for p in sorted(set(events) - set(links))]
    head = events[-1] if events else 0
    found += [f"view {n} at {p}, the log at {head}" for n, p in views.items() if p != head]
    for joined in ledger.participants.values():
        found += [f"participant {p} has no key" for p in joined if p not in keys]
        found += [f"participant {p} has no roster row" for p in joined if p not in rows]
    return found
