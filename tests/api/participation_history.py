# mypy: disable-error-code="index"
"""A small history to count by hand: one series, three municipalities in two Länder.

- Kick-off 2024-10-08 (held): present first Anna and Otto, corrected to Anna and Arne,
  both of Arnsberg.
- Exchange 2024-11-05 (held): a head count of 5 only, nobody named.
- Exchange 2024-12-03: never held.
- Arnsberg (NRW): Anna, Arne. Olpe (NRW): Otto. Kassel (HE): Karla, who left. The Länder
  are given short; the report names them as their keys do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from tests.api.client import ApiClient
from tests.support.clock import FakeClock

KICKOFF, EXCHANGE, LATER = date(2024, 10, 8), date(2024, 11, 5), date(2024, 12, 3)


@dataclass
class History:
    series_id: str
    meetings: dict[str, str]
    enrolments: dict[str, str]
    people: dict[str, str] = field(default_factory=dict)

    def attendance_path(self, meeting: str) -> str:
        return f"/peer-learnings/{self.series_id}/meetings/{self.meetings[meeting]}/attendance"


def join(team: ApiClient, enrolment_id: str, name: str) -> str:
    email = f"{name.lower()}@kommune.example"
    joined = team.post(f"/enrollments/{enrolment_id}/participants", {"name": name, "email": email})
    assert joined.status_code == 201, joined.json
    return str(joined.json["participant_id"])


def build_history(team: ApiClient, clock: FakeClock) -> History:
    series = team.announce(title="Wasser in der Stadt").json
    meetings = {
        "kickoff": team.schedule(series["id"], "kickoff", KICKOFF).json["meeting_id"],
        "exchange": team.schedule(series["id"], "exchange", EXCHANGE).json["meeting_id"],
        "later": team.schedule(series["id"], "exchange", LATER).json["meeting_id"],
    }
    places: dict[str, dict[str, Any]] = {
        "Arnsberg": {"state": "NRW", "key": "05958004"},
        "Olpe": {"state": "NRW", "key": "05966024"},
        "Kassel": {"state": "HE", "key": "06611000"},
    }
    enrolments = {
        name: team.enrol(series["id"], f"Stadt {name}", **place).json["id"]
        for name, place in places.items()
    }
    history = History(series["id"], meetings, enrolments)
    for person, place in (("Anna", "Arnsberg"), ("Arne", "Arnsberg"), ("Otto", "Olpe")):
        history.people[person] = join(team, enrolments[place], person)
    history.people["Karla"] = join(team, enrolments["Kassel"], "Karla")
    left = team.delete(
        f"/enrollments/{enrolments['Kassel']}/participants/{history.people['Karla']}"
    )
    assert left.status_code == 200, left.json
    clock.set(datetime(2024, 11, 20, 9, 0, tzinfo=UTC))
    path = f"/peer-learnings/{series['id']}/meetings"
    assert team.post(f"{path}/{meetings['kickoff']}/held", {}).status_code == 200
    assert team.post(f"{path}/{meetings['exchange']}/held", {"attendance": 5}).status_code == 200
    first = [history.people["Anna"], history.people["Otto"]]
    assert team.put(history.attendance_path("kickoff"), {"participants": first}).status_code == 200
    again = [history.people["Anna"], history.people["Arne"]]
    assert team.put(history.attendance_path("kickoff"), {"participants": again}).status_code == 200
    return history
