"""The funded model projects: municipalities that may not enrol."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response
from flask.views import MethodView

from api.auth import current_actor, require_role
from api.blueprint import Blueprint
from api.context import check_list_version, etag, if_match, list_version, sends_etag, services
from api.schemas.enrollments import ModelProjectSchema
from api.schemas.places import ModelProjectInSchema

blp = Blueprint(
    "model-projects",
    __name__,
    url_prefix="/model-projects",
    description="The list of funded model projects, kept by the team.",
)


def version() -> int:
    return list_version(services().app.funded_model_projects())


@blp.route("")
class ModelProjects(MethodView):
    @require_role("team", "auditor")
    @blp.response(200, ModelProjectSchema(many=True))
    @sends_etag
    def get(self) -> tuple[list[dict[str, Any]], int, dict[str, str]]:
        """List the funded model projects

        `ETag` is the list's version, for If-Match on changes.
        """
        return services().views.model_projects(), 200, etag(version())

    @require_role("team")
    @if_match
    @blp.arguments(ModelProjectInSchema)
    @blp.response(201, ModelProjectSchema)
    def post(
        self, project: dict[str, Any], expected_version: int | None
    ) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Add a funded model project"""
        check_list_version(expected_version, services().app.funded_model_projects())
        model_project_id = services().app.add_model_project(actor=current_actor(), **project)
        added = next(
            p
            for p in services().views.model_projects()
            if str(p["model_project_id"]) == str(model_project_id)
        )
        return added, 201, etag(version())


@blp.route("/<uuid:model_project_id>")
class ModelProject(MethodView):
    @require_role("team")
    @if_match
    @blp.response(204)
    def delete(self, model_project_id: UUID, expected_version: int | None) -> Any:
        """Remove a funded model project from the list"""
        check_list_version(expected_version, services().app.funded_model_projects())
        services().app.remove_model_project(model_project_id, actor=current_actor())
        return Response(status=204, headers=etag(version()))
