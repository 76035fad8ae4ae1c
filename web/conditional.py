"""Validators for cacheable public responses: ETag from the body, Last-Modified, 304."""

from __future__ import annotations

import hashlib
from datetime import datetime

from flask import Response, request
from werkzeug.wrappers import Response as BaseResponse

MAX_AGE = 300


def conditional_response(
    body: bytes, mimetype: str, last_modified: datetime | None, etag: str | None = None
) -> BaseResponse:
    """Answers 304 when the client's If-None-Match / If-Modified-Since still hold."""
    response = Response(body, mimetype=mimetype)
    response.set_etag(etag or hashlib.sha256(body).hexdigest()[:32])
    if last_modified is not None:
        response.last_modified = last_modified
    response.cache_control.public = True
    response.cache_control.max_age = MAX_AGE
    return response.make_conditional(request)
