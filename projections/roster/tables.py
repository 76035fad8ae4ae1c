"""The roster's tables: enrolments, their participants and the meetings they decline."""

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
        "contact_locale",
        "status",
        "registered_at",
        "ended_at",  # when it was withdrawn or rejected
        "active_participants",
        "version",
    ),
    indexes=("peer_learning_id", "municipality_name", "ended_at"),
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
DECLINES = Table(
    name="view_meeting_declines",
    key="decline_id",  # participant id / meeting id
    columns=(
        "decline_id",
        "participant_id",
        "enrollment_id",
        "peer_learning_id",
        "meeting_id",
        "declined_at",
    ),
    indexes=("meeting_id", "enrollment_id"),
)
TABLES = (ENROLLMENTS, PARTICIPANTS, DECLINES)
