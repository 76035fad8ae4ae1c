"""The read answers' own dump equals marshmallow's, and their bodies equal `jsonify`'s."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask

from api.dumping import dumper
from api.schemas.series import CatalogueSchema, SeriesDetailSchema
from peerlearning.bootstrap import Services
from peerlearning.http_app import create_app

DAYS = [date(2023, 5, 20), date(2024, 9, 20), date(2026, 3, 2)]


@pytest.fixture
def flask_app(demo_services: Services) -> Flask:
    return create_app({"TESTING": True}, demo_services)


@pytest.mark.parametrize("day", DAYS)
def test_the_catalogue_dumps_as_marshmallow_does(demo_services: Services, day: date) -> None:
    items, total = demo_services.views.catalogue(on=day, per_page=100)
    page = {"items": items, "total": total, "page": 1, "per_page": 100}
    assert dumper(CatalogueSchema)(page) == CatalogueSchema().dump(page)


def test_every_detail_dumps_as_marshmallow_does(demo_services: Services) -> None:
    items, _ = demo_services.views.catalogue(on=DAYS[1], per_page=100)
    for item in items:
        detail = demo_services.views.series_detail(item["id"], on=DAYS[1])
        assert detail is not None and detail["meetings"]
        assert dumper(SeriesDetailSchema)(detail) == SeriesDetailSchema().dump(detail)


def test_the_answers_are_the_bytes_jsonify_sends(flask_app: Flask, demo_services: Services) -> None:
    client = flask_app.test_client()
    items, total = demo_services.views.catalogue(on=DAYS[1], per_page=100)
    page = {"items": items, "total": total, "page": 1, "per_page": 100}
    answered = client.get("/peer-learnings?on=2024-09-20&per_page=100")
    with flask_app.app_context():
        assert answered.data == flask_app.json.response(CatalogueSchema().dump(page)).data
        for item in items:
            detail = demo_services.views.series_detail(item["id"], on=DAYS[1])
            public = {**detail, "meetings": [{**m, "video_url": None} for m in detail["meetings"]]}
            sent = client.get(f"/peer-learnings/{item['id']}?on=2024-09-20").data
            assert sent == flask_app.json.response(SeriesDetailSchema().dump(public)).data
