"""A flask-smorest Blueprint that documents our auth, If-Match and error responses."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import flask_smorest
from flask import Flask
from flask_smorest.utils import deepupdate

from api.errors import PROBLEM_JSON
from api.query_parser import QueryParser
from api.schemas.common import ProblemSchema

BEARER = "bearerAuth"
IF_MATCH = "IfMatch"
BODY_METHODS = ("post", "put", "patch")
NOT_MODIFIED = "Not modified: the ETag sent in If-None-Match still names this answer."


def ref(status: int) -> str:
    return HTTPStatus(status).name


def error_codes(doc_info: dict[str, Any], method: str) -> list[int]:
    codes = [429, 503]
    if doc_info.get("roles"):
        codes += [401, 403]
    if doc_info.get("path_params"):
        codes.append(404)
    if doc_info.get("if_match"):
        codes += [400, 409, 412]
    if method in BODY_METHODS and doc_info.get("arguments"):
        codes += [400, 413, 415]
    return codes


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = QueryParser()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prepare_doc_cbks.append(self._prepare_contract_doc)

    def conflicts(self, description: str) -> Callable[[Any], Any]:
        """Documents the 409 problem a view answers when a rule refuses the step, saying
        when (views with If-Match document 409 without being told)."""
        return self.alt_response(
            409, schema=ProblemSchema, content_type=PROBLEM_JSON, description=description
        )

    def add_url_rule(self, rule: str, *args: Any, **kwargs: Any) -> None:
        super().add_url_rule(rule, *args, **kwargs)
        if "<" in f"{self.url_prefix or ''}{rule}":
            for key, method_doc in self._docs[self._endpoints[-1]].items():
                if key != "parameters":
                    method_doc["path_params"] = True

    @staticmethod
    def _prepare_contract_doc(
        doc: dict[str, Any], doc_info: dict[str, Any], *, method: str, **_: Any
    ) -> dict[str, Any]:
        responses = {code: ref(code) for code in error_codes(doc_info, method)}
        doc = deepupdate(doc, {"responses": responses})
        if doc_info.get("roles"):
            doc["security"] = [{BEARER: []}]
            doc["x-roles"] = list(doc_info["roles"])
        if doc_info.get("if_match") or doc_info.get("sends_etag"):
            for code in doc_info.get("success_status_codes", []):
                doc["responses"][code].setdefault("headers", {})["ETag"] = "ETAG"
        if doc_info.get("not_modified"):
            doc["responses"]["304"] = {"description": NOT_MODIFIED}
        if doc_info.get("if_match"):
            doc.setdefault("parameters", []).append(IF_MATCH)
        return doc


def register_components(api: flask_smorest.Api, app: Flask) -> None:
    """The security scheme and the If-Match parameter the blueprints refer to."""
    api.spec.components.security_scheme(
        BEARER, {"type": "http", "scheme": "bearer", "description": "name:role:token"}
    )
    api.spec.components.parameter(
        IF_MATCH,
        "header",
        {
            "name": "If-Match",
            "required": False,
            "description": 'The ETag you last read, e.g. "3"; 412 if it changed since. One '
            "strong tag: a weak one (W/...) never matches (412), a list is refused (400).",
            "schema": {"type": "string"},
        },
    )
