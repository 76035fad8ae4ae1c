"""The view tables: columns, keys and which columns hold JSON."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    key: str
    columns: tuple[str, ...]
    json_columns: frozenset[str] = frozenset()
    indexes: tuple[str, ...] = ()

    def ddl(self) -> list[str]:
        cols = ", ".join(
            f"{c} TEXT PRIMARY KEY" if c == self.key else f"{c} {_type(c)}" for c in self.columns
        )
        statements = [f"CREATE TABLE IF NOT EXISTS {self.name} ({cols})"]
        for i, index in enumerate(self.indexes):
            statements.append(
                f"CREATE INDEX IF NOT EXISTS {self.name}_ix{i} ON {self.name} ({index})"
            )
        return statements


_INTEGERS = {
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
    "schedule_version",
    "attendance",
    "active_participants",
    "position",
}


def _type(column: str) -> str:
    return "BIGINT" if column in _INTEGERS else "TEXT"


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
)
CATALOGUE_ENROLLMENTS = Table(  # the catalogue's own count of each enrolment's participants
    name="view_catalogue_enrollments",
    key="enrollment_id",
    columns=("enrollment_id", "peer_learning_id", "active_participants"),
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
        "attendance",
    ),
    indexes=("peer_learning_id, starts_at", "state, starts_at"),
)
ENROLLMENTS = Table(
    name="view_enrollments",
    key="enrollment_id",
    columns=(
        "enrollment_id",
        "peer_learning_id",
        "municipality_name",
        "municipality_key",
        "municipality_state",
        "municipality_region",
        "contact_subject_id",
        "contact_name",
        "contact_email",
        "status",
        "registered_at",
        "active_participants",
        "version",
    ),
    indexes=("peer_learning_id", "municipality_name"),
)
PARTICIPANTS = Table(
    name="view_participants",
    key="participant_id",
    columns=(
        "participant_id",
        "enrollment_id",
        "peer_learning_id",
        "name",
        "email",
        "locale",
        "timezone",
        "joined_at",
        "left_at",
    ),
    indexes=("enrollment_id", "peer_learning_id"),
)
MODEL_PROJECTS = Table(
    name="view_model_projects",
    key="model_project_id",
    columns=("model_project_id", "name", "municipality_key", "state", "region"),
)
CORE_TABLES = (
    CATALOGUE,
    CATALOGUE_ENROLLMENTS,
    MEETINGS,
    ENROLLMENTS,
    PARTICIPANTS,
    MODEL_PROJECTS,
)
