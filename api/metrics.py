"""`GET /metrics` in the Prometheus text format, through prometheus_client.

Per process: HTTP requests by route template and status with their latency, and commands
(writes through the API) by type and outcome. Under gunicorn set `PROMETHEUS_MULTIPROC_DIR`
to an empty directory shared by the workers: the counters are then summed over all workers.
At each scrape the store's figures are added (`api.store_metrics`). Labels hold route
templates, command names, view names and mail kinds only: no personal data.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from flask import Flask, Response, current_app, g, request
from flask.views import MethodView
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from api.auth import require_role
from api.blueprint import Blueprint
from api.context import services
from api.request_tracing import route_template
from api.store_metrics import StoreCollector

METRICS = "peerlearning.metrics"
MULTIPROCESS = "PROMETHEUS_MULTIPROC_DIR"
WRITES = ("POST", "PUT", "PATCH", "DELETE")
blp = Blueprint("metrics", __name__, description="Figures for monitoring, in Prometheus' format.")


@dataclass
class Instruments:
    registry: CollectorRegistry
    requests: Counter
    latency: Histogram
    commands: Counter

    @classmethod
    def create(cls) -> Instruments:
        registry = CollectorRegistry(auto_describe=True)
        return cls(
            registry,
            Counter(
                "peerlearning_http_requests",
                "HTTP requests answered, by method, route template and status.",
                ["method", "route", "status"],
                registry=registry,
            ),
            Histogram(
                "peerlearning_http_request_duration_seconds",
                "Time to answer a request, by method and route template.",
                ["method", "route"],
                registry=registry,
            ),
            Counter(
                "peerlearning_commands",
                "Commands sent through the API, by command and outcome.",
                ["command", "outcome"],
                registry=registry,
            ),
        )


def outcome_of(status: int) -> str:
    if status < 400:
        return "recorded"
    return "refused" if status < 500 else "failed"


def instruments() -> Instruments:
    found: Instruments = current_app.extensions[METRICS]
    return found


def start_timer() -> None:
    g.metrics_started = time.perf_counter()


def count_request(response: Response) -> Response:
    if "metrics_started" not in g:
        return response
    used, route = instruments(), route_template()
    elapsed = time.perf_counter() - g.metrics_started
    used.requests.labels(request.method, route, str(response.status_code)).inc()
    used.latency.labels(request.method, route).observe(elapsed)
    if request.method in WRITES and request.endpoint:
        used.commands.labels(request.endpoint, outcome_of(response.status_code)).inc()
    return response


def install_metrics(app: Flask) -> None:
    app.extensions[METRICS] = Instruments.create()
    app.before_request(start_timer)
    app.after_request(count_request)


def scraped() -> bytes:
    """This process's instruments, or all workers' under multiprocess mode, then the store's."""
    if os.environ.get(MULTIPROCESS):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = instruments().registry
    store = CollectorRegistry()
    store.register(StoreCollector(services()))
    return generate_latest(registry) + generate_latest(store)


@blp.route("/metrics")
class Metrics(MethodView):
    @blp.doc(responses={"200": {"description": "Prometheus text format"}})
    @require_role("team", "auditor", "monitor")
    def get(self) -> Response:
        """Figures for Prometheus: requests, commands, mails, views, chain, scheduler"""
        return Response(scraped(), content_type=CONTENT_TYPE_LATEST)
