"""After a run: every acknowledged write is in the log, and the views equal a rebuild."""

from __future__ import annotations

from collections import Counter
from uuid import UUID

from peerlearning.bootstrap import bootstrap
from peerlearning.settings import store_settings
from projections.rebuild import rebuild
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
