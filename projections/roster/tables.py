"""The roster's tables: enrolments and their participants."""

from __future__ import annotations

from projections.tables import Table

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
    integers=frozenset({"active_participants", "version"}),
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
TABLES = (ENROLLMENTS, PARTICIPANTS)
