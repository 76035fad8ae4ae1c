"""Health, the OpenAPI document and the Swagger UI."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from api.blueprint import Blueprint
from tests.api.client import PROBLEM


def test_health_reports_the_store_and_the_views_position(
    client: FlaskClient, series: dict[str, Any], store_url: str
) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert response.json["store"] == ("sqlite" if store_url.startswith("sqlite") else "postgresql")
    assert response.json["position"] >= 1


def test_the_openapi_document_validates_and_lists_every_route(
    client: FlaskClient, flask_app: Flask
) -> None:
    document = client.get("/openapi.json").json

    validate(document)
    routes = {
        rule.rule.replace("<uuid:", "{").replace("<", "{").replace(">", "}")
        for rule in flask_app.url_map.iter_rules()
        if isinstance(flask_app.blueprints.get(rule.endpoint.split(".")[0]), Blueprint)
    }
    assert len(routes) >= 20
    assert routes <= set(document["paths"])


def test_every_operation_documents_its_errors_as_problems(client: FlaskClient) -> None:
    document = client.get("/openapi.json").json

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            responses = operation["responses"]
            assert {"default", "503"} <= set(responses), (method, path)
            if operation.get("security"):
                assert {"401", "403"} <= set(responses), (method, path)
            if "{" in path:
                assert "404" in responses, (method, path)
            if any(p.get("$ref", "").endswith("IfMatch") for p in operation.get("parameters", [])):
                assert {"409", "412"} <= set(responses), (method, path)
            assert operation.get("summary"), (method, path)
    conflict = document["components"]["responses"]["CONFLICT"]
    assert list(conflict["content"]) == [PROBLEM]


# Announcing records a new series under a new id: no rule and no concurrent write refuses it.
NEVER_CONFLICTS = {("post", "/peer-learnings")}
WRITES = {"post", "put", "patch", "delete"}


def test_every_write_that_can_be_refused_documents_409_as_a_problem(client: FlaskClient) -> None:
    document = client.get("/openapi.json").json
    conflict = document["components"]["responses"]["CONFLICT"]

    writes = [
        (method, path, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if method in WRITES and (method, path) not in NEVER_CONFLICTS
    ]
    assert len(writes) >= 25
    for method, path, operation in writes:
        answer = operation["responses"].get("409")
        assert answer is not None, (method, path)
        assert list(answer.get("content", conflict["content"])) == [PROBLEM], (method, path)


@pytest.mark.parametrize(
    ("method", "path", "says"),
    [
        ("post", "/tokens", "token-name-reserved"),
        ("delete", "/tokens/{name}", "revoked already"),
        ("post", "/registrations/{registration_id}/accept", "accepted already"),
        ("post", "/registrations/{registration_id}/decline", "accepted"),
        ("post", "/registrations/confirmation", "expired"),
        ("post", "/participants/{subject_id}/erasure", "concurrent-write"),
    ],
)
def test_a_documented_409_says_when_it_comes(
    client: FlaskClient, method: str, path: str, says: str
) -> None:
    answer = client.get("/openapi.json").json["paths"][path][method]["responses"]["409"]

    assert says in answer["description"]
    assert answer["content"][PROBLEM]["schema"] == {"$ref": "#/components/schemas/Problem"}


def test_writes_are_documented_with_bearer_auth_and_if_match(client: FlaskClient) -> None:
    document = client.get("/openapi.json").json

    patch = document["paths"]["/peer-learnings/{peer_learning_id}"]["patch"]

    assert patch["security"] == [{"bearerAuth": []}]
    assert {"$ref": "#/components/parameters/IfMatch"} in patch["parameters"]
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert "ETag" in patch["responses"]["200"]["headers"]


def test_swagger_ui_is_served_with_its_own_assets(client: FlaskClient) -> None:
    page = client.get("/docs")
    script = client.get("/docs/assets/swagger-ui-bundle.js")

    assert page.status_code == 200 and "/openapi.json" in page.get_data(as_text=True)
    assert script.status_code == 200 and len(script.get_data()) > 100_000
