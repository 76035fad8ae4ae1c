"""SIGTERM to `peerlearning serve`: new connections are refused, the request in flight is
answered and kept, and the process ends cleanly."""

from __future__ import annotations

import json
import signal
import socket
from urllib.parse import urlsplit

from application.app import PeerLearningApp
from peerlearning.bootstrap import open_application
from store.settings import store_settings
from tests.e2e.server import serving
from tests.support.waiting import wait_until

TOKEN = "e2e-team-token-0123456789"
SERIES = {
    "title": "Daten teilen im Quartier",
    "host": "Stadt Ulm",
    "summary": "Wie Quartiere ihre Daten teilen.",
    "scope": "thematic",
    "format": "virtual",
    "starts_on": "2031-03-01",
    "ends_on": "2031-12-31",
    "planned_meetings": 3,
    "contact_email": "daten@ulm.example",
}


def headers(host: str, body: bytes) -> bytes:
    return (
        "POST /peer-learnings HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"Authorization: Bearer {TOKEN}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Expect: 100-continue\r\n"
        "Connection: close\r\n\r\n"
    ).encode()


def read_until_closed(conn: socket.socket) -> bytes:
    received = b""
    while chunk := conn.recv(65536):
        received += chunk
    return received


def refused(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    except ConnectionResetError:  # the listener closed while this connect waited in its queue
        return False  # asked again: only a refusal counts
    return False


def titles(store_url: str) -> list[str]:
    app: PeerLearningApp = open_application(store_settings(store_url))
    try:
        announced = [
            n.originator_id
            for n in app.recorder.select_notifications(start=1, limit=1000)
            if n.topic.endswith("PeerLearning.Announced")
        ]
        return [app.series(series_id).details.title for series_id in announced]
    finally:
        app.close()


def test_sigterm_answers_the_request_in_flight_and_refuses_new_ones(store_url: str) -> None:
    env = {"PEERLEARNING_DATABASE_URL": store_url, "PEERLEARNING_TOKENS": f"team:team:{TOKEN}"}
    body = json.dumps(SERIES).encode()
    with serving("--no-scheduler", env=env) as server:
        address = urlsplit(server.url)
        host, port = str(address.hostname), int(address.port or 80)
        with socket.create_connection((host, port), timeout=30) as conn:
            conn.sendall(headers(host, body))
            assert conn.recv(1024).startswith(b"HTTP/1.1 100 Continue")  # the request is in
            server.process.send_signal(signal.SIGTERM)
            wait_until(lambda: refused(host, port), 15, "new connections to be refused")
            assert server.process.poll() is None, "still serving the request in flight"
            conn.sendall(body)
            answer = read_until_closed(conn)
        assert answer.startswith(b"HTTP/1.1 201"), answer[:300]
        assert server.process.wait(timeout=30) == 0
    assert titles(store_url) == [SERIES["title"]]
