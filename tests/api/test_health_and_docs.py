"""Health, the OpenAPI document and the Swagger UI."""

from __future__ import annotations

from typing import Any

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
