"""The application factory: `create_app(config, services)`; nothing is built at import time."""

from __future__ import annotations

import importlib
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, request, send_from_directory
from flask_smorest import Api
from flask_smorest.spec import prepare_response

from api.auth import install_tokens
from api.blueprint import register_components
from api.body_limits import refuse_deep_json
from api.context import SERVICES
from api.errors import PROBLEM_JSON, ProblemError, register_error_handlers
from api.http_headers import install_security_headers
from api.metrics import install_metrics
from api.rate_limit import install_rate_limit
from api.request_tracing import install_request_ids
from api.schemas.common import ProblemSchema

# Modules exposing `blp`; other packages append theirs here.
BLUEPRINTS: list[str] = [
    "api.health_views",
    "api.series_views",
    "api.meeting_views",
    "api.attendance_views",
    "api.lifecycle_views",
    "api.enrollment_views",
    "api.participant_views",
    "api.model_project_views",
    "api.calendar_views",
    "web.views",
    "api.audit_views",
    "api.reminder_views",
    "api.token_views",
    "api.metrics",
    "api.report_views",
    "web.report_views",
    "api.registration_views",
    "web.registration_pages",
]

DEFAULTS: dict[str, Any] = {
    "API_TITLE": "Peer-Learnings",
    "API_VERSION": "1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "/docs",
    "OPENAPI_SWAGGER_UI_URL": "/docs/assets/",
    "MAX_CONTENT_LENGTH": 64 * 1024,
}


class PeerLearningApi(Api):
    """flask-smorest's Api with problem+json errors, in responses and in the document."""

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self) -> None:
        register_error_handlers(self._app)

    def _register_responses(self) -> None:
        for status in HTTPStatus:
            if status >= 400:
                self._register_problem(status.name, status.phrase)
        self._register_problem(self.DEFAULT_ERROR_RESPONSE_NAME, "Unexpected error")

    def _register_problem(self, name: str, description: str) -> None:
        response = {"description": description, "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_JSON)
        self.spec.components.response(name, response, lazy=True)


# HTML pages whose forms post as browsers do, without JavaScript.
FORM_PAGES = {"registration_pages"}
FORM_TYPE = "application/x-www-form-urlencoded"


def require_json_body() -> None:
    if request.blueprint in FORM_PAGES and request.mimetype == FORM_TYPE:
        return
    if request.method in ("POST", "PUT", "PATCH") and request.content_length:
        if not request.is_json:
            raise ProblemError(415, "Send the body as JSON with Content-Type: application/json.")


def swagger_asset(name: str) -> Response:
    import swagger_ui_bundle

    return send_from_directory(swagger_ui_bundle.swagger_ui_path, name, max_age=86400)


def create_app(config: dict[str, Any] | None = None, services: Any = None) -> Flask:
    app = Flask("api")
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.json.sort_keys = False  # type: ignore[attr-defined]
    install_request_ids(app)
    install_metrics(app)
    install_security_headers(app)
    install_tokens(app)
    install_rate_limit(app)
    app.extensions[SERVICES] = services or build_services(app.config)
    app.before_request(require_json_body)
    app.before_request(refuse_deep_json)
    app.add_url_rule("/docs/assets/<path:name>", view_func=swagger_asset)
    api = PeerLearningApi(app)
    register_components(api, app)
    for name in BLUEPRINTS:
        api.register_blueprint(importlib.import_module(name).blp)
    return app


def build_services(config: dict[str, Any]) -> Any:
    from peerlearning.bootstrap import bootstrap
    from peerlearning.settings import store_settings

    return bootstrap(store_settings(config.get("PEERLEARNING_DATABASE_URL")))
