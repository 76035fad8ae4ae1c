"""The funded model projects, as the team keeps them."""

from __future__ import annotations

from typing import Any

from eventsourcing.persistence import Notification

from domain.model_projects import FundedModelProjects
from projections.tables import MODEL_PROJECTS, Table
from projections.view import Batch, key

F = FundedModelProjects


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
                },
            )
        elif isinstance(event, F.ModelProjectRemoved):
            batch.rows.delete(MODEL_PROJECTS, key(event.model_project_id))
