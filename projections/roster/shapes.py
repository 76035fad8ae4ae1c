"""Roster rows turned into the dicts the readers get: real moments and ids."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from projections.view import parse_moment


def participant_item(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "participant_id": UUID(row["participant_id"]),
        "enrollment_id": UUID(row["enrollment_id"]),
        "peer_learning_id": UUID(row["peer_learning_id"]),
        "joined_at": parse_moment(row["joined_at"]),
        "left_at": parse_moment(row["left_at"]),
    }


def enrollment_item(row: dict[str, Any], participants: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "enrollment_id": UUID(row["enrollment_id"]),
        "peer_learning_id": UUID(row["peer_learning_id"]),
        "municipality": {
            "name": row["municipality_name"],
            "key": row["municipality_key"],
            "state": row["municipality_state"],
            "region": row["municipality_region"],
        },
        "contact": {
            "subject_id": UUID(row["contact_subject_id"]),
            "name": row["contact_name"],
            "email": row["contact_email"],
            "locale": row["contact_locale"],
        },
        "status": row["status"],
        "registered_at": parse_moment(row["registered_at"]),
        "active_participants": row["active_participants"],
        "version": row["version"],
        "participants": [participant_item(p) for p in participants],
    }


def participation_item(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "peer_learning_id": UUID(row["peer_learning_id"]),
        "enrollment_id": UUID(row["enrollment_id"]),
        "registered_at": parse_moment(row["registered_at"]),
    }
