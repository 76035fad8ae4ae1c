"""One table maps every error to an `application/problem+json` response."""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

import psycopg
from eventsourcing.persistence import InterfaceError, OperationalError
from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException

from domain import errors as domain
from store.errors import StoreUnavailable

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger(__name__)

# Most specific first; Flask picks the handler by the exception's class hierarchy.
STATUS_OF: dict[type[Exception], int] = {
    domain.NotFound: 404,
    domain.StaleVersion: 412,
    domain.ConcurrentWrite: 409,
    domain.Conflict: 409,
    domain.InvalidValue: 422,
    domain.DomainError: 409,
    StoreUnavailable: 503,
}


class ProblemError(HTTPException):
    """An HTTP error raised by the API itself, with optional extra headers and field errors."""

    def __init__(
        self,
        status: int,
        detail: str,
        headers: dict[str, str] | None = None,
        errors: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.code = status
        self.extra_headers = headers or {}
        self.errors = errors


def problem(
    status: int,
    detail: str,
    slug: str | None = None,
    headers: dict[str, str] | None = None,
    errors: dict[str, Any] | None = None,
) -> Response:
    phrase = HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": f"urn:peerlearning:problem:{slug}" if slug else "about:blank",
        "title": phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    response.headers.update(headers or {})
    return response


def kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def handle_domain_error(error: Exception) -> Response:
    status = next(code for cls, code in STATUS_OF.items() if isinstance(error, cls))
    headers = {}
    if isinstance(error, StoreUnavailable):
        headers["Retry-After"] = str(error.retry_after)
        log.warning("store unavailable: %s", error)
    return problem(status, str(error), kebab(type(error).__name__), headers)


def handle_http_exception(error: HTTPException) -> Response:
    status = error.code or 500
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    headers.update(getattr(error, "extra_headers", {}))
    errors = getattr(error, "errors", None)
    data = getattr(error, "data", None) or {}
    if "messages" in data:
        errors = field_errors(data["messages"])
    return problem(status, describe(error, status, errors), None, headers, errors)


def describe(error: HTTPException, status: int, errors: dict[str, Any] | None) -> str:
    if status == 400 and errors and "_json" in errors:
        return "The request body is not valid JSON; send a JSON object."
    if status == 422 and errors:
        fields = ", ".join(sorted(errors))
        return f"The request does not have the expected shape; check: {fields}."
    return error.description or HTTPStatus(status).phrase


def field_errors(messages: dict[str, Any]) -> dict[str, Any]:
    """Merges webargs' per-location messages into one mapping of field -> messages."""
    merged: dict[str, Any] = {}
    for location, value in messages.items():
        if isinstance(value, dict):
            merged.update(value)
        else:
            merged[f"_{location}"] = value
    return merged


def handle_unexpected(error: Exception) -> Response:
    if lost := lost_connection_behind(error):
        log.warning("A store that stopped answering broke a request", exc_info=error)
        return handle_lost_connection(lost)
    log.exception("unexpected error while serving a request", exc_info=error)
    return problem(500, "Something went wrong on our side; the error has been logged.")


def lost_connection_behind(error: BaseException) -> BaseException | None:
    """A lost connection that caused `error`, however deep in its chain of causes."""
    seen: set[int] = set()
    found: BaseException | None = error
    while found is not None and id(found) not in seen:
        if isinstance(found, LOST_CONNECTION):
            return found
        seen.add(id(found))
        found = found.__cause__ or found.__context__
    return None


LOST_CONNECTION = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)


def handle_lost_connection(error: BaseException) -> Response:
    """A read outside the application's own methods met a store that stopped answering."""
    return handle_domain_error(
        StoreUnavailable(f"The store is unavailable ({type(error).__name__}); retry in a moment.")
    )


def register_error_handlers(app: Flask) -> None:
    for cls in STATUS_OF:
        app.register_error_handler(cls, handle_domain_error)
    for lost in LOST_CONNECTION:
        app.register_error_handler(lost, handle_lost_connection)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)
