"""Liveness and readiness: the store answers and the views' position."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.blueprint import Blueprint
from api.context import services
from api.schemas.common import HealthSchema

blp = Blueprint("health", __name__, description="Whether the service and its store answer.")


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self) -> dict[str, Any]:
        """Check that the service and its store answer"""
        current = services()
        views = current.projector.health()
        return {
            "status": "ok",
            "store": current.settings.kind,
            "position": min((v["position"] for v in views), default=0),
            "views": views,
        }
