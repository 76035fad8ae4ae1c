"""Values older events may hold although today's commands refuse them.

Written straight into the log through the aggregates' event methods, the way an old
version of the service (or a hand-made migration) could have recorded them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from uuid import UUID, uuid4

from domain.values import Participant, PersonalData


def set_offsets(app: Any, series_id: UUID, *offsets: str) -> None:
    """Records reminder offsets for the series, however large."""
    series = app.series(series_id)
    series._details_revised(details=replace(series.details, reminder_offsets=offsets), actor="anna")
    app.record(series)


def join_as(app: Any, enrollment_id: UUID, name: str, email: str, locale: str = "de") -> UUID:
    """Records a participant with any name and address, unchecked."""
    enrollment = app.enrollment(enrollment_id)
    participant_id = uuid4()
    person = PersonalData(participant_id, name, email)
    participant = Participant(
        participant_id=participant_id,
        person=person,
        locale=locale,
        joined_at=app.clock.now(),
    )
    enrollment._participant_joined(participant=participant, actor="anna")
    app.record(enrollment)
    return participant_id
