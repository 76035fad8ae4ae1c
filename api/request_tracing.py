"""Every request gets an id: the one a proxy sent in X-Request-ID, or a new one.

It is answered in X-Request-ID and set as the current request id while the request runs, so
every line the API, the commands and the store log for it carries it.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, g, request

from runtime.request_ids import HEADER, accepted_request_id, begin_request, end_request


def start_request() -> None:
    g.request_id = accepted_request_id(request.headers.get(HEADER))
    g.request_id_token = begin_request(g.request_id)


log = logging.getLogger("api.requests")


def route_template() -> str:
    """The route as declared (`/series/<uuid:series_id>`): never a value from the path."""
    return request.url_rule.rule if request.url_rule is not None else "unmatched"


def answer_request_id(response: Response) -> Response:
    if "request_id" in g:
        response.headers[HEADER] = g.request_id
    log.info("%s %s %s", request.method, route_template(), response.status_code)
    return response


def finish_request(_error: BaseException | None) -> None:
    token = g.pop("request_id_token", None)
    if token is not None:
        end_request(token)


def install_request_ids(app: Flask) -> None:
    app.before_request(start_request)
    app.after_request(answer_request_id)
    app.teardown_request(finish_request)
