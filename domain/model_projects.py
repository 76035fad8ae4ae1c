"""The list of municipalities funded as model projects, kept by the team."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import ModelProjectAlreadyListed, ModelProjectNotFound
from domain.values import Municipality

FUNDED_MODEL_PROJECTS_ID = uuid5(NAMESPACE_URL, "peer-learning/funded-model-projects")


class FundedModelProjects(Aggregate):
    @staticmethod
    def create_id(**_: object) -> UUID:
        return FUNDED_MODEL_PROJECTS_ID

    class ListStarted(Aggregate.Created):
        actor: str

    @event(ListStarted)
    def __init__(self, actor: str) -> None:
        self.projects: dict[str, Municipality] = {}

    def find(self, municipality: Municipality) -> Municipality | None:
        """The funded project that is this municipality or has it among its members."""
        for project in self.projects.values():
            if project.covers(municipality):
                return project
        return None

    def add(self, project: Municipality, actor: str) -> UUID:
        listed = self._listing_any_of(project)
        if listed:
            raise ModelProjectAlreadyListed(
                f"{project.name} is already listed as a funded model project"
                + (f" (as {listed.name})." if listed.name != project.name else ".")
            )
        model_project_id = uuid4()
        self._added(model_project_id=model_project_id, project=project, actor=actor)
        return model_project_id

    def _listing_any_of(self, project: Municipality) -> Municipality | None:
        members = [Municipality(project.name, key) for key in project.official_keys]
        for member in members or [project]:
            found = self.find(member)
            if found:
                return found
        return None

    class ModelProjectAdded(Aggregate.Event):
        model_project_id: UUID
        project: Municipality
        actor: str

    @event(ModelProjectAdded)
    def _added(self, model_project_id: UUID, project: Municipality, actor: str) -> None:
        self.projects[str(model_project_id)] = project

    def remove(self, model_project_id: UUID, actor: str) -> None:
        if str(model_project_id) not in self.projects:
            raise ModelProjectNotFound(model_project_id)
        self._removed(model_project_id=model_project_id, actor=actor)

    class ModelProjectRemoved(Aggregate.Event):
        model_project_id: UUID
        actor: str

    @event(ModelProjectRemoved)
    def _removed(self, model_project_id: UUID, actor: str) -> None:
        del self.projects[str(model_project_id)]
