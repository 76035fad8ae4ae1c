"""The funded model projects, as the team keeps them: their table, handlers and reads.

`official_keys` holds all of a project's keys (a joint project has one per member),
separated by spaces."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.model_projects import FundedModelProjects
from projections.tables import Table
from projections.view import Batch, key
from store.db import ViewDb

F = FundedModelProjects

MODEL_PROJECTS = Table(
    name="view_model_projects",
    key="model_project_id",
    columns=("model_project_id", "name", "municipality_key", "state", "region", "official_keys"),
)


class ModelProjectsView:
    name = "model_projects"
    tables: tuple[Table, ...] = (MODEL_PROJECTS,)
    reads: tuple[type, ...] = (F.Event,)

    def apply(self, event: Any, notification: Notification, batch: Batch) -> None:
        if isinstance(event, F.ModelProjectAdded):
            project = event.project
            batch.rows.put(
                MODEL_PROJECTS,
                {
                    "model_project_id": key(event.model_project_id),
                    "name": project.name,
                    "municipality_key": project.key,
                    "state": project.state,
                    "region": project.region,
                    "official_keys": " ".join(project.official_keys),
                },
            )
        elif isinstance(event, F.ModelProjectRemoved):
            batch.rows.delete(MODEL_PROJECTS, key(event.model_project_id))


class ModelProjectQueries:
    """Reads of the model projects view."""

    def __init__(self, db: ViewDb) -> None:
        self.db = db

    def model_projects(self) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            found = tx.fetchall(
                f"SELECT {', '.join(MODEL_PROJECTS.columns)} FROM {MODEL_PROJECTS.name} "
                "ORDER BY name"
            )
        return [
            {
                "model_project_id": r[0],
                "name": r[1],
                "key": r[2],
                "state": r[3],
                "region": r[4],
                "keys": (r[5] or "").split(),
            }
            for r in found
        ]
