"""A write answers the version its own command recorded, and the resource at that version.

Another write lands between the command and its answer: the views then stand at the newer
version, and the answer must still name and show the one this request recorded.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import Recording

from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from peerlearning.bootstrap import Services
from tests.api.client import ApiClient, enrol_body, meeting_body

KICKOFF_DAY = date(2024, 10, 1)
StreamOf = Callable[[Any], UUID | None]
TITLES = itertools.count(1)


class InterleavedWrite:
    """Once, right after a matching write is recorded, records another on the same stream."""

    def __init__(self, stream_of: StreamOf, write: Callable[[UUID], object]) -> None:
        self.stream_of = stream_of
        self.write = write
        self.armed = False
        self.wrote_on: UUID | None = None

    def __call__(self, recordings: list[Recording[UUID]]) -> None:
        if not self.armed:
            return
        for recording in recordings:
            stream = self.stream_of(recording.domain_event)
            if stream is not None:
                self.armed = False
                self.wrote_on = stream
                self.write(stream)
                return


@pytest.fixture
def interleave(services: Services) -> Iterator[Callable[[StreamOf, Callable], InterleavedWrite]]:
    added: list[InterleavedWrite] = []

    def install(stream_of: StreamOf, write: Callable[[UUID], object]) -> InterleavedWrite:
        writer = InterleavedWrite(stream_of, write)
        services.app.recorded_listeners.append(writer)
        added.append(writer)
        return writer

    yield install
    for writer in added:
        services.app.recorded_listeners.remove(writer)


def series_stream(wanted: str | None = None) -> StreamOf:
    def stream_of(event: Any) -> UUID | None:
        if not isinstance(event, PeerLearning.Event):  # type: ignore[attr-defined]
            return None
        if wanted is not None and str(event.originator_id) != wanted:
            return None
        return UUID(str(event.originator_id))

    return stream_of


def enrollment_stream(event: Any) -> UUID | None:
    if isinstance(event, Enrollment.Event):  # type: ignore[attr-defined]
        return UUID(str(event.originator_id))
    return None


def retitle(services: Services) -> Callable[[UUID], object]:
    def write(series_id: UUID) -> object:
        title = f"Concurrent {next(TITLES)}"
        return services.app.revise_details(series_id, {"title": title}, actor="someone")

    return write


def another_participant(services: Services) -> Callable[[UUID], object]:
    def write(enrollment_id: UUID) -> object:
        number = next(TITLES)
        email = f"olga{number}@example.org"
        return services.app.join(enrollment_id, "Olga Other", email, actor="someone")

    return write


def version_of(response: Any) -> int:
    """The version an ETag names: all of a write's `"3"`, the front of a read's `"3.1234.…"`."""
    return int(response.headers["ETag"].strip('"').split(".")[0])


def current_series_version(team: ApiClient, series_id: str) -> int:
    return version_of(team.get(f"/peer-learnings/{series_id}"))


def test_a_revision_answers_its_own_version_and_title(
    team: ApiClient, series: dict[str, Any], services: Services, interleave: Any
) -> None:
    series_id = str(series["id"])
    before = current_series_version(team, series_id)
    interleave(series_stream(series_id), retitle(services)).armed = True

    answer = team.patch(f"/peer-learnings/{series_id}", {"title": "Mine"})

    assert answer.status_code == 200
    assert version_of(answer) == before + 1
    assert answer.json["version"] == before + 1
    assert answer.json["title"] == "Mine"
    assert current_series_version(team, series_id) == before + 2


def test_an_announcement_answers_the_first_version(
    team: ApiClient, services: Services, interleave: Any
) -> None:
    writer = interleave(series_stream(), retitle(services))
    writer.armed = True

    answer = team.announce(title="Ours")

    assert version_of(answer) == 1
    assert answer.json["title"] == "Ours"
    assert answer.json["version"] == 1
    assert str(writer.wrote_on) == str(answer.json["id"])


def test_a_lifecycle_change_answers_its_own_version(
    team: ApiClient, series: dict[str, Any], services: Services, interleave: Any
) -> None:
    series_id = str(series["id"])
    before = current_series_version(team, series_id)
    interleave(series_stream(series_id), retitle(services)).armed = True

    answer = team.post(f"/peer-learnings/{series_id}/joining", {"open": False})

    assert version_of(answer) == before + 1
    assert answer.json["joining_open"] is False
    assert answer.json["title"] == series["title"]


def test_meeting_writes_answer_their_own_version(
    team: ApiClient, series: dict[str, Any], services: Services, interleave: Any
) -> None:
    series_id = str(series["id"])
    before = current_series_version(team, series_id)
    interleave(series_stream(series_id), retitle(services)).armed = True

    scheduled = team.post(
        f"/peer-learnings/{series_id}/meetings", meeting_body("kickoff", KICKOFF_DAY)
    )

    assert scheduled.status_code == 201, scheduled.json
    assert version_of(scheduled) == before + 1
    meeting_path = scheduled.headers["Location"]
    interleave(series_stream(series_id), retitle(services)).armed = True

    cancelled = team.delete(meeting_path)

    assert cancelled.status_code == 200, cancelled.json
    assert version_of(cancelled) == before + 3
    assert current_series_version(team, series_id) == before + 4


def test_enrolment_writes_answer_their_own_version(
    team: ApiClient, series: dict[str, Any], services: Services, interleave: Any
) -> None:
    series_id = str(series["id"])
    interleave(enrollment_stream, another_participant(services)).armed = True

    enrolled = team.post(f"/peer-learnings/{series_id}/enrollments", enrol_body())

    assert enrolled.status_code == 201, enrolled.json
    assert version_of(enrolled) == enrolled.json["version"] == 2
    assert enrolled.json["participants"] == []
    path = enrolled.headers["Location"]
    interleave(enrollment_stream, another_participant(services)).armed = True

    joined = team.post(f"{path}/participants", {"name": "Jana Eigen", "email": "jana@example.org"})

    assert joined.status_code == 201, joined.json
    assert version_of(joined) == 4
    assert joined.json["name"] == "Jana Eigen"
    interleave(enrollment_stream, another_participant(services)).armed = True

    left = team.delete(joined.headers["Location"])

    assert left.status_code == 200, left.json
    assert version_of(left) == 6
    assert left.json["left_at"] is not None
    assert version_of(team.get(path)) == 7


def test_without_a_concurrent_write_the_answer_is_the_view(
    team: ApiClient, series: dict[str, Any]
) -> None:
    series_id = str(series["id"])
    answer = team.patch(f"/peer-learnings/{series_id}", {"title": "Mine"})

    shown = team.get(f"/peer-learnings/{series_id}")

    assert answer.json == shown.json
    assert version_of(answer) == version_of(shown) and answer.headers["ETag"] == '"2"'
