"""The API's application factory: `build_app(services, config, pages)`; nothing is built at
import time. The whole service (API and page) is composed in `peerlearning.http_app`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, request, send_from_directory
from flask_smorest import Api, Blueprint
from flask_smorest.spec import prepare_response

from api import (
    attendance_views,
    audit_views,
    enrollment_views,
    health_views,
    lifecycle_views,
    meeting_views,
    metrics,
    model_project_views,
    participant_views,
    region_views,
    registration_views,
    reminder_views,
    report_views,
    series_views,
    token_views,
)
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

# The API's own blueprints; the page's are added by whoever composes the whole app.
API_BLUEPRINTS = (
    health_views,
    series_views,
    meeting_views,
    attendance_views,
    lifecycle_views,
    enrollment_views,
    participant_views,
    model_project_views,
    region_views,
    audit_views,
    reminder_views,
    token_views,
    metrics,
    report_views,
    registration_views,
)

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
FORM_PAGES = {"registration_pages", "decline_pages", "self_service_pages"}
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


class ApiFlask(Flask):
    """Flask, asking once per handler's code whether it is a coroutine: Flask's own
    `ensure_sync` asks `inspect` for every handler of every request, a tenth of a read."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._is_sync: dict[Any, bool] = {}

    def ensure_sync(self, func: Callable[..., Any]) -> Callable[..., Any]:
        code = getattr(getattr(func, "__func__", func), "__code__", None)
        if code is None:  # a partial or a callable object: ask every time
            return super().ensure_sync(func)
        is_sync = self._is_sync.get(code)
        if is_sync is None:
            is_sync = self._is_sync[code] = super().ensure_sync(func) is func
        return func if is_sync else super().ensure_sync(func)


def build_app(
    services: Any, config: dict[str, Any] | None = None, pages: Iterable[Blueprint] = ()
) -> Flask:
    """The API on `services`, with the blueprints of `pages` served beside it."""
    app = ApiFlask("api")
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.json.sort_keys = False  # type: ignore[attr-defined]
    install_request_ids(app)
    install_metrics(app)
    install_security_headers(app)
    install_tokens(app)
    install_rate_limit(app)
    app.extensions[SERVICES] = services
    app.before_request(require_json_body)
    app.before_request(refuse_deep_json)
    app.add_url_rule("/docs/assets/<path:name>", view_func=swagger_asset)
    api = PeerLearningApi(app)
    register_components(api, app)
    for blueprint in [*(module.blp for module in API_BLUEPRINTS), *pages]:
        api.register_blueprint(blueprint)
    return app
