"""What each dispatch's mail is about, and which field of a listed dispatch names it.

A dispatch keeps the id of what its mail is about in one column, whatever that is: a meeting
for reminders and notices, a registration, an enrolment that moved up, or the series itself
when it ended. A listed dispatch names it in the field that says what it is.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.reminder_rules import Purpose
from scheduler.registration_letters import CONFIRM
from scheduler.registration_outcomes import (
    ADMITTED,
    DECLINED,
    MOVED_UP,
    NOTE,
    RECEIVED,
    SERIES_CLOSED,
    SERIES_WITHDRAWN,
    WAITLISTED,
    WELCOME,
)

MEETING, REGISTRATION, ENROLMENT, SERIES, PARTICIPANT = (
    "meeting_id",
    "registration_id",
    "enrollment_id",
    "peer_learning_id",
    "participant_id",
)
NAMED_BY: dict[str, str] = {
    **{purpose.value: MEETING for purpose in Purpose},
    **dict.fromkeys((CONFIRM, RECEIVED, ADMITTED, WAITLISTED, DECLINED, NOTE), REGISTRATION),
    MOVED_UP: ENROLMENT,
    SERIES_CLOSED: SERIES,
    SERIES_WITHDRAWN: SERIES,
    WELCOME: PARTICIPANT,  # the one who joined, to whom it goes
}
PURPOSES = tuple(NAMED_BY)


def named_as_what_it_is(item: dict[str, Any]) -> dict[str, Any]:
    """The dispatch with its subject in `meeting_id`, `registration_id` or `enrollment_id`
    (a series' end is named by `peer_learning_id`, a welcome by `participant_id`); the
    others null, and the meeting's start and schedule version only for a mail about a
    meeting."""
    about: UUID = item.pop(MEETING)
    field = NAMED_BY.get(item["purpose"], MEETING)
    item.update({MEETING: None, REGISTRATION: None, ENROLMENT: None})
    if field not in (SERIES, PARTICIPANT):
        item[field] = about
    if field != MEETING:
        item.update(meeting_starts_at=None, schedule_version=None)
    return item
