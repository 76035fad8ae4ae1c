"""Figure 8: the participation report over the whole data set, against a plain SQL
aggregation over the same view tables in the same run."""

from __future__ import annotations

from datetime import date

from bench.figures import Figure, at_least
from bench.timing import interleaved
from peerlearning.bootstrap import Services

WHOLE = (date(2000, 1, 1), date(2199, 12, 31))
# The same rows, counted by the database alone: held and attended meetings per enrolment
# (`%%` is one wildcard to psycopg and two, matching the same, to SQLite).
PLAIN_SQL = (
    "SELECT s.peer_learning_id, s.title, s.host, e.municipality_name, e.municipality_key, "
    "e.municipality_state, e.admitted_on, COUNT(DISTINCT m.meeting_id), "
    "COUNT(DISTINCT CASE WHEN m.present LIKE '%%' || p.participant_id || '%%' "
    "THEN m.meeting_id END) "
    "FROM view_participation_enrollments e "
    "JOIN view_participation_series s ON s.peer_learning_id = e.peer_learning_id "
    "LEFT JOIN view_participation_meetings m ON m.peer_learning_id = e.peer_learning_id "
    "AND m.held_on >= ? AND m.held_on <= ? "
    "LEFT JOIN view_participation_people p ON p.enrollment_id = e.enrollment_id "
    "WHERE e.admitted_on IS NOT NULL "
    "GROUP BY s.peer_learning_id, s.title, s.host, e.enrollment_id, e.municipality_name, "
    "e.municipality_key, e.municipality_state, e.admitted_on"
)


def measure(services: Services, store: str, count: int = 20) -> Figure:
    start, end = WHOLE
    bounds = [start.isoformat(), end.isoformat()]

    def report(_: int) -> object:
        return services.views.participation_report(start, end)

    def plain(_: int) -> object:
        with services.db.transaction() as tx:
            return tx.fetchall(PLAIN_SQL, bounds)

    rows = services.views.participation_report(start, end)["rows"]
    with services.db.transaction() as tx:
        counted = sorted(tuple(r[-2:]) for r in tx.fetchall(PLAIN_SQL, bounds))
    reported = sorted((r["meetings_held"], r["meetings_attended"]) for r in rows)
    assert counted == reported, "the report and the plain aggregation count differently"
    reports, aggregations = interleaved(report, plain, count)
    return Figure(
        "8 participation report",
        store,
        reports,
        "reports/s",
        baseline=aggregations,
        target=at_least(0.25),
        note=f"{len(rows):,} rows; baseline: one GROUP BY over the same view tables",
    )
