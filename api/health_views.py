"""Liveness and readiness: the store answers and the views' position."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask.views import MethodView

from api.blueprint import Blueprint
from api.context import services
from api.readiness import readiness
from api.schemas.common import HealthSchema
from api.schemas.operations import LivenessSchema, ReadinessSchema

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


@blp.route("/health/live")
class Live(MethodView):
    @blp.response(200, LivenessSchema)
    def get(self) -> dict[str, Any]:
        """Answer while the process runs: for a process supervisor's liveness probe"""
        return {"status": "alive"}


@blp.route("/health/ready")
class Ready(MethodView):
    @blp.response(200, ReadinessSchema)
    @blp.alt_response(503, schema=ReadinessSchema, description="Not ready, with the reasons.")
    def get(self) -> tuple[dict[str, Any], int]:
        """Whether to send traffic here: the store answers, views keep up, the scheduler ticks"""
        found = readiness(services(), current_app.config)
        body = {
            "status": "ready" if found.ready else "not ready",
            "reasons": found.reasons,
            "views": found.views,
            "scheduler_silence_seconds": found.scheduler_silence,
        }
        return body, 200 if found.ready else 503
