"""A catalogue item and its meetings as they stood on a day, from the series' day state."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from domain.day_state import DayState
from domain.values import MeetingState

DAY_FIELDS = (
    "kickoff_held_on",
    "reflection_held_on",
    "closed_on",
    "withdrawn_on",
    "joining_open",
    "meetings_held",
    "meetings_scheduled",
    "municipalities",
    "waitlisted",
    "participants",
)


def item_on_day(item: dict[str, Any], state: DayState) -> dict[str, Any]:
    """The item with every value that depends on the day taken from the day's state."""
    item.update({name: getattr(state, name) for name in DAY_FIELDS})
    moment = state.next_meeting
    item.update(
        status=state.status.value,
        next_meeting=None if moment is None else moment.astimezone(UTC),
    )
    return item


def meetings_on_day(meetings: list[dict[str, Any]], state: DayState) -> list[dict[str, Any]]:
    """The meetings known on the day, with their times and states then (attendance only for
    those held by then), ordered by their start then."""
    shown = []
    for meeting in meetings:
        then = state.meetings.get(str(meeting["meeting_id"]))
        if then is None:
            continue
        held = then.state == MeetingState.HELD
        shown.append(
            {
                **meeting,
                "starts_at": then.starts_at.astimezone(UTC),
                "ends_at": then.ends_at.astimezone(UTC),
                "state": str(then.state),
                "schedule_version": then.schedule_version,
                "attendance": meeting["attendance"] if held else None,
            }
        )
    return sorted(shown, key=lambda m: (m["starts_at"], str(m["meeting_id"])))
