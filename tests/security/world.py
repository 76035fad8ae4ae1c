"""A small world with personal data in it, and the ids every endpoint's path needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tests.api.client import ApiClient, enrol_body

SECRET_NAMES = ("Zacharias Geheimname", "Petronella Kontaktperson")
SECRET_EMAILS = ("zacharias.geheim@kommune.example", "petronella.kontakt@kommune.example")
BAD_TOKEN = "not-a-known-token-0000"
PROBE_TOKEN = "matrix-probe"
NO_REGISTRATION = "00000000-0000-4000-8000-000000000018"


@dataclass
class World:
    series_id: str
    meeting_id: str
    enrollment_id: str
    participant_id: str
    model_project_id: str
    contact_subject_id: str
    region_id: str

    def path_values(self) -> dict[str, str]:
        return {
            "peer_learning_id": self.series_id,
            "meeting_id": self.meeting_id,
            "enrollment_id": self.enrollment_id,
            "participant_id": self.participant_id,
            "model_project_id": self.model_project_id,
            "region_id": self.region_id,
            "subject_id": self.contact_subject_id,
            "stream_id": self.series_id,
            "name": PROBE_TOKEN,
            "registration_id": NO_REGISTRATION,
        }

    def fill(self, template: str) -> str:
        path = template
        for name, value in self.path_values().items():
            path = path.replace("{" + name + "}", value)
        return path


def build_world(team: ApiClient) -> World:
    """A series with a kick-off, one enrolment with a participant, a model project and a
    region."""
    series = team.announce(title="Sichere Daten in Kommunen").json
    meeting = team.schedule(series["id"], "kickoff", date(2024, 10, 8)).json
    body = enrol_body("Stadt Arnsberg")
    body["contact"] = {"name": SECRET_NAMES[1], "email": SECRET_EMAILS[1]}
    enrolment = team.post(f"/peer-learnings/{series['id']}/enrollments", body)
    assert enrolment.status_code == 201, enrolment.json
    joined = team.post(
        f"/enrollments/{enrolment.json['id']}/participants",
        {"name": SECRET_NAMES[0], "email": SECRET_EMAILS[0]},
    )
    assert joined.status_code == 201, joined.json
    project = team.post("/model-projects", {"name": "Stadt Ulm", "key": "08421000"})
    assert project.status_code == 201, project.json
    return World(
        series["id"],
        meeting["meeting_id"],
        enrolment.json["id"],
        joined.json["participant_id"],
        project.json["id"],
        enrolment.json["contact"]["subject_id"],
        team.add_region().json["id"],
    )


def leaked(text: str) -> list[str]:
    folded = text.casefold()
    return [s for s in (*SECRET_NAMES, *SECRET_EMAILS) if s.casefold() in folded]


def sample_body(method: str, template: str) -> dict[str, Any] | None:
    """A body of the right shape for the writes; None where none is taken."""
    bodies: dict[tuple[str, str], dict[str, Any]] = {
        ("PATCH", "/peer-learnings/{peer_learning_id}"): {"capacity": 4},
        ("POST", "/peer-learnings/{peer_learning_id}/joining"): {"open": True},
        ("POST", "/peer-learnings/{peer_learning_id}/enrollments"): enrol_body("Stadt Olpe"),
        ("POST", "/enrollments/{enrollment_id}/participants"): {
            "name": "Ida Neu",
            "email": "ida@olpe.example",
        },
        ("POST", "/enrollments/{enrollment_id}/reject"): {"reason": "Nicht gefördert."},
        ("PATCH", "/enrollments/{enrollment_id}/participants/{participant_id}"): {"locale": "en"},
        ("PATCH", "/enrollments/{enrollment_id}/contact"): {"name": "Clara K. Kontakt"},
        ("POST", "/model-projects"): {"name": "Stadt Kiel"},
        ("POST", "/regions"): {"name": "Sauerland", "keys": ["05958"]},
        ("PUT", "/regions/{region_id}"): {"keys": ["05958", "05962"]},
        ("PATCH", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}"): {"title": "Neu"},
        ("POST", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}/held"): {},
        ("PUT", "/peer-learnings/{peer_learning_id}/meetings/{meeting_id}/attendance"): {
            "participants": []
        },
        ("POST", "/peer-learnings/{peer_learning_id}/reflection"): {},
        ("POST", "/peer-learnings/{peer_learning_id}/close"): {},
        ("POST", "/peer-learnings/{peer_learning_id}/withdraw"): {},
        ("POST", "/enrollments/{enrollment_id}/withdraw"): {},
        ("POST", "/tokens"): {"name": PROBE_TOKEN, "role": "auditor", "expires": "P1D"},
        ("POST", "/peer-learnings/{peer_learning_id}/registrations"): {
            "municipality": {"name": "Stadt Brilon", "key": "05958012"},
            "contact": {"name": "Bea Brilon", "email": "bea@brilon.example"},
            "consent": True,
        },
        ("POST", "/registrations/confirmation"): {"token": "not-a-signed-link"},
        ("POST", "/registrations/{registration_id}/decline"): {"reason": "Zu spät."},
    }
    return bodies.get((method, template))
