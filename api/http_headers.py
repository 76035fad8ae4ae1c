"""Headers every answer carries: a Content-Security-Policy and `X-Content-Type-Options`.

The public page loads only its own stylesheet and runs no script. The API, feeds and errors
load nothing at all. The Swagger UI at /docs runs its own scripts from /docs/assets and one
inline script from flask-smorest's template, allowed by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from flask import Flask, Response, request

NOTHING = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
PAGE = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PREFIX = "/docs"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def script_hashes(html: bytes) -> list[str]:
    """CSP sources for the inline scripts of `html`, by their SHA-256."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"
        for body in _INLINE_SCRIPT.findall(html)
    ]


def docs_policy(response: Response) -> str:
    scripts = " ".join(["'self'", *script_hashes(response.get_data())])
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'self'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


def policy_for(response: Response) -> str:
    if response.mimetype != "text/html":
        return NOTHING
    if request.path == DOCS_PREFIX or request.path.startswith(f"{DOCS_PREFIX}/"):
        return docs_policy(response)
    return PAGE


def add_security_headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers.setdefault("Content-Security-Policy", policy_for(response))
    return response


def install_security_headers(app: Flask) -> None:
    app.after_request(add_security_headers)
