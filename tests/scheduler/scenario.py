"""A series with an admitted municipality and its participants, ready for reminders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from tests.support.samples import announce, municipality, schedule

KICKOFF_DAY = date(2024, 10, 1)  # a Tuesday; 10:00 in Berlin is 08:00 UTC
KICKOFF_START = datetime(2024, 10, 1, 8, 0, tzinfo=UTC)
PUBLIC_URL = "https://peer-learnings.example"  # where the links in the mails point
P7D_DUE = datetime(2024, 9, 24, 8, 0, tzinfo=UTC)
P1D_DUE = datetime(2024, 9, 30, 8, 0, tzinfo=UTC)
PT1H_DUE = datetime(2024, 10, 1, 7, 0, tzinfo=UTC)


@dataclass
class Scenario:
    app: Any
    series_id: UUID
    enrollment_id: UUID
    people: dict[str, UUID] = field(default_factory=dict)
    meeting_id: UUID | None = None

    def join(self, name: str, locale: str = "de", timezone: str | None = None) -> UUID:
        email = f"{name.lower()}@example.org"
        self.people[name] = self.app.join(
            self.enrollment_id, name, email, actor="anna", locale=locale, timezone=timezone
        )
        return self.people[name]

    def leave(self, name: str) -> None:
        self.app.leave(self.enrollment_id, self.people[name], actor="anna")

    def schedule_kickoff(
        self, day: date = KICKOFF_DAY, mode: str = "virtual", **extra: Any
    ) -> UUID:
        if mode != "virtual":
            extra.setdefault("location", "Rathaus Wuppertal")
        self.meeting_id = schedule(self.app, self.series_id, "kickoff", day, mode=mode, **extra)
        return self.meeting_id


def series_with(app: Any, **overrides: Any) -> Scenario:
    series_id = announce(app, **overrides)
    enrollment_id, status = app.enrol(
        series_id, municipality(), "Clara Kontakt", "clara@example.org", actor="anna"
    )
    assert status == "admitted"
    return Scenario(app, series_id, enrollment_id)


def email_of(name: str) -> str:
    return f"{name.lower()}@example.org"
