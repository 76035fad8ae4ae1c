"""Client threads that write and read over HTTP and remember every acknowledged write."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from uuid import uuid4

import requests

from tests.api.client import PROBLEM, TEAM, enrol_body


@dataclass
class Ledger:
    """What the server acknowledged, refused and failed, across every client thread."""

    revisions: Counter[str] = field(default_factory=Counter)
    enrolments: Counter[str] = field(default_factory=Counter)
    participants: dict[str, set[str]] = field(default_factory=dict)
    stale: list[tuple[str, int]] = field(default_factory=list)
    unanswered: Counter[str] = field(default_factory=Counter)
    client_failures: list[str] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    @property
    def acknowledged(self) -> int:
        joined = sum(len(p) for p in self.participants.values())
        return sum(self.revisions.values()) + sum(self.enrolments.values()) + joined


def problem_type(response: requests.Response) -> str:
    if response.headers.get("Content-Type", "").startswith(PROBLEM):
        return str(response.json().get("type"))
    return f"not a problem document: {response.status_code} {response.text[:80]!r}"


class Client:
    def __init__(self, url: str, series: list[str], ledger: Ledger, seed: int) -> None:
        self.url, self.series, self.ledger = url, series, ledger
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {TEAM}"
        self.random = random.Random(seed)
        self.name = f"c{seed}-{uuid4().hex[:6]}"
        self.count = 0
        self.mine: list[str] = []
        self.cut_off = False

    def send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.http.request(method, self.url + path, timeout=120, **kwargs)
        except requests.RequestException:
            self.cut_off = True
            raise
        with self.ledger.lock:
            self.ledger.statuses[response.status_code] += 1
            if response.status_code >= 400:
                self.ledger.problems[problem_type(response)] += 1
        return response

    def revise(self, series_id: str) -> None:
        read = self.send("GET", f"/peer-learnings/{series_id}")
        if read.status_code != 200:
            return
        tag = read.headers["ETag"]  # the detail's tag names the version first: "3.position.shape"
        version = int(tag.strip('"').split(".")[0])
        self.count += 1
        body = {"summary": f"Stand {self.name}-{self.count}"}
        path = f"/peer-learnings/{series_id}"
        answer = self.send("PATCH", path, json=body, headers={"If-Match": tag})
        with self.ledger.lock:
            if answer.status_code == 200:
                self.ledger.revisions[series_id] += 1
            elif answer.status_code == 412:
                self.ledger.stale.append((series_id, version))
            elif answer.status_code == 503:
                self.ledger.unanswered[series_id] += 1

    def enrol(self, series_id: str) -> None:
        self.count += 1
        body = enrol_body(f"Gemeinde {self.name}-{self.count}")
        answer = self.send("POST", f"/peer-learnings/{series_id}/enrollments", json=body)
        if answer.status_code == 503:
            with self.ledger.lock:
                self.ledger.unanswered[series_id] += 1
        if answer.status_code == 201:
            with self.ledger.lock:
                self.ledger.enrolments[series_id] += 1
                self.ledger.participants[answer.json()["id"]] = set()
            self.mine.append(answer.json()["id"])

    def join(self) -> None:
        if not self.mine:
            return
        enrollment_id = self.random.choice(self.mine)
        self.count += 1
        person = {"name": f"Person {self.count}", "email": f"{self.name}.{self.count}@x.example"}
        answer = self.send("POST", f"/enrollments/{enrollment_id}/participants", json=person)
        if answer.status_code == 201:
            with self.ledger.lock:
                self.ledger.participants[enrollment_id].add(answer.json()["participant_id"])

    def read(self, series_id: str) -> None:
        path = self.random.choice(["", "?on=2024-12-01", "/enrollments", "/calendar.ics"])
        self.send("GET", f"/peer-learnings/{series_id}{path}" if path else "/peer-learnings")

    def step(self) -> None:
        series_id = self.random.choice(self.series)
        step = self.random.choice([self.revise, self.enrol, self.read, self.read])
        try:
            self.join() if self.random.random() < 0.25 else step(series_id)
        except requests.RequestException:
            with self.ledger.lock:
                self.ledger.unanswered[series_id] += 1

    def run(self, until: float, stop: threading.Event | None = None) -> None:
        """Sends until the time is up, the server stops answering or `stop` is set."""
        try:
            while time.monotonic() < until and not self.cut_off and not (stop and stop.is_set()):
                self.step()
        except Exception as error:  # the test asserts there were none
            self.ledger.client_failures.append(repr(error))


def hammer(
    url: str,
    series: list[str],
    threads: int,
    seconds: float,
    ledger: Ledger | None = None,
    stop: threading.Event | None = None,
) -> Ledger:
    ledger = ledger or Ledger()
    until = time.monotonic() + seconds
    clients = [Client(url, series, ledger, seed) for seed in range(threads)]
    workers = [threading.Thread(target=c.run, args=(until, stop)) for c in clients]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return ledger
