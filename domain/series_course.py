"""A series' course: joining opened and closed, the reflection, and its end."""

from __future__ import annotations

from datetime import date

from domain import rules
from domain.series_state import SeriesState

SERIES_CLOSED = "Peer-Learning geschlossen"
SERIES_WITHDRAWN = "Peer-Learning zurückgezogen"


class CourseCommands(SeriesState):
    def close_joining(self, actor: str) -> None:
        rules.require_not_finished(self)
        if self.joining_open:
            self._joining_closed(actor=actor)

    def reopen_joining(self, actor: str) -> None:
        rules.require_not_finished(self)
        if not self.joining_open:
            self._joining_reopened(actor=actor)

    def hold_reflection(
        self, held_on: date, today: date, actor: str, notes: str | None = None
    ) -> None:
        rules.require_not_finished(self)
        rules.require_reflection_possible(self, held_on, today)
        self._reflection_held(held_on=held_on, notes=notes, actor=actor)

    def close(self, effective_on: date, today: date, actor: str) -> None:
        rules.require_not_finished(self)
        rules.require_closable(self, effective_on, today)
        self._cancel_planned_after(effective_on, SERIES_CLOSED, actor)
        self._closed(effective_on=effective_on, actor=actor)

    def withdraw(
        self, effective_on: date, today: date, actor: str, reason: str | None = None
    ) -> None:
        rules.require_not_finished(self)
        rules.require_withdrawable(self, effective_on, today)
        self._cancel_planned_after(effective_on, reason or SERIES_WITHDRAWN, actor)
        self._withdrawn(effective_on=effective_on, reason=reason, actor=actor)

    def _cancel_planned_after(self, day: date, reason: str, actor: str) -> None:
        """The end of a series calls off what was planned after it, in the same command."""
        for m in self.planned_after(day):
            self._meeting_cancelled(meeting_id=m.meeting_id, reason=reason, actor=actor)
