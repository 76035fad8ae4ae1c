"""The regions regional series may admit: a closed list kept by the team."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response
from flask.views import MethodView

from api.auth import current_actor, require_role
from api.blueprint import Blueprint
from api.context import (
    check_list_version,
    etag,
    if_match,
    list_version,
    programme_today,
    sends_etag,
    services,
)
from api.schemas.regions import RegionInSchema, RegionKeysSchema, RegionSchema
from domain.errors import Conflict

blp = Blueprint(
    "regions",
    __name__,
    url_prefix="/regions",
    description="The regions a regional series may admit, kept by the team. A municipality "
    "lies in a region when its official key begins with one of the region's keys.",
)


def version() -> int:
    return list_version(services().app.regions())


def listed() -> list[dict[str, Any]]:
    regions = services().app.regions()
    found = regions.regions.values() if regions else ()
    return [
        {"region_id": r.region_id, "name": r.name, "keys": list(r.keys)}
        for r in sorted(found, key=lambda r: r.name.casefold())
    ]


def one(region_id: UUID) -> dict[str, Any]:
    return next(r for r in listed() if r["region_id"] == region_id)


@blp.route("")
class Regions(MethodView):
    @blp.response(200, RegionSchema(many=True))
    @sends_etag
    def get(self) -> tuple[list[dict[str, Any]], int, dict[str, str]]:
        """List the regions, for anyone

        `ETag` is the list's version, for If-Match on changes.
        """
        return listed(), 200, etag(version())

    @require_role("team")
    @if_match
    @blp.arguments(RegionInSchema)
    @blp.response(201, RegionSchema)
    def post(
        self, region: dict[str, Any], expected_version: int | None
    ) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Add a region"""
        check_list_version(expected_version, services().app.regions())
        region_id = services().app.add_region(actor=current_actor(), **region)
        return one(region_id), 201, etag(version())


@blp.route("/<uuid:region_id>")
class Region(MethodView):
    @require_role("team")
    @if_match
    @blp.arguments(RegionKeysSchema)
    @blp.response(200, RegionSchema)
    def put(
        self, change: dict[str, Any], region_id: UUID, expected_version: int | None
    ) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Correct the official keys a region spans

        Who may join a regional series follows the new keys from now on; enrolments made
        before stay.
        """
        check_list_version(expected_version, services().app.regions())
        services().app.change_region_keys(region_id, change["keys"], actor=current_actor())
        return one(region_id), 200, etag(version())

    @require_role("team")
    @if_match
    @blp.response(204)
    def delete(self, region_id: UUID, expected_version: int | None) -> Any:
        """Remove a region no series names"""
        check_list_version(expected_version, services().app.regions())
        app = services().app
        regions = app.regions()
        name = regions.get(region_id).name if regions else None
        if name and services().views.catalogue(programme_today(), region=name, dated=False)[1]:
            raise Conflict(
                f"Series still name the region '{name}'; revise their regions first "
                f"(GET /peer-learnings?region={name} lists them)."
            )
        app.remove_region(region_id, actor=current_actor())
        return Response(status=204, headers=etag(version()))
