"""The catalogue's tables: series, the meetings of each, each enrolment's head count, and
each series' dated facts."""

from __future__ import annotations

from projections.tables import Table

CATALOGUE = Table(
    name="view_catalogue",
    key="id",
    columns=(
        "id",
        "title",
        "host",
        "summary",
        "topics",
        "topics_text",
        "scope",
        "regions",
        "regions_text",
        "format",
        "location",
        "starts_on",
        "ends_on",
        "kickoff_held_on",
        "reflection_held_on",
        "closed_on",
        "withdrawn_on",
        "joining_open",
        "planned_meetings",
        "capacity",
        "agenda_url",
        "contact_email",
        "timezone",
        "remind_on_site",
        "reminder_offsets",
        "meetings_held",
        "meetings_scheduled",
        "municipalities",
        "waitlisted",
        "participants",
        "admitted_ids",
        "waitlist_ids",
        "search_text",
        "announced_at",
        "version",
    ),
    json_columns=frozenset(
        {"topics", "regions", "reminder_offsets", "admitted_ids", "waitlist_ids"}
    ),
    indexes=("starts_on",),
    integers=frozenset(
        {
            "joining_open",
            "planned_meetings",
            "capacity",
            "remind_on_site",
            "meetings_held",
            "meetings_scheduled",
            "municipalities",
            "waitlisted",
            "participants",
            "version",
        }
    ),
)
CATALOGUE_ENROLLMENTS = Table(  # the catalogue's own count of each enrolment's participants
    name="view_catalogue_enrollments",
    key="enrollment_id",
    columns=("enrollment_id", "peer_learning_id", "active_participants"),
    integers=frozenset({"active_participants"}),
)
MEETINGS = Table(
    name="view_meetings",
    key="meeting_id",
    columns=(
        "meeting_id",
        "peer_learning_id",
        "kind",
        "title",
        "starts_at",
        "ends_at",
        "mode",
        "video_url",
        "location",
        "state",
        "schedule_version",
        "timed_version",
        "changed_at",  # when it was last moved or corrected
        "attendance",
    ),
    indexes=("peer_learning_id, starts_at", "state, starts_at", "changed_at"),
    integers=frozenset({"schedule_version", "timed_version", "attendance"}),
)
FACTS = Table(  # each series' facts with their days, for its state on a day of the calendar
    name="view_catalogue_facts",
    key="fact_id",
    columns=(
        "fact_id",
        "peer_learning_id",
        "position",
        "day",
        "kind",
        "subject",
        "starts_at",
        "ends_at",
        "detail",
        "number",
    ),
    indexes=("peer_learning_id, position",),
    integers=frozenset({"position", "number"}),
)
TABLES = (CATALOGUE, CATALOGUE_ENROLLMENTS, MEETINGS, FACTS)
