"""Commands on a series: announce, revise, schedule, hold, close."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from application.region_commands import RegionCommands
from application.store_application import check_expected
from domain.clock import today
from domain.enrollment import Enrollment
from domain.peer_learning import PeerLearning
from domain.seats import PROMOTED_BY
from domain.values import Meeting, SeriesDetails


class SeriesCommands(RegionCommands):
    """A change returns the version it recorded, so its answer can name that version."""

    def announce(self, actor: str, **details: Any) -> UUID:
        for name in ("topics", "regions"):
            values = details.get(name) or ()
            details[name] = tuple(values) if isinstance(values, list) else values
        series = PeerLearning.announce(
            SeriesDetails(**self.with_listed_regions(details)), actor=actor
        )
        self.record(series)
        return series.id

    def _change(self, peer_learning_id: UUID, expected_version: int | None) -> PeerLearning:
        series = self.series(peer_learning_id)
        check_expected(series, expected_version)
        return series

    def revise_details(
        self,
        peer_learning_id: UUID,
        changes: dict[str, Any],
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        moved_up = series.revise_details(self.with_listed_regions(changes), actor=actor)
        self.record(series, *self._moved_up(moved_up))
        return series.version

    def schedule_meeting(
        self,
        peer_learning_id: UUID,
        kind: str,
        starts_at: datetime,
        ends_at: datetime,
        mode: str,
        actor: str,
        video_url: str | None = None,
        location: str | None = None,
        title: str | None = None,
        expected_version: int | None = None,
    ) -> UUID:
        series = self._change(peer_learning_id, expected_version)
        meeting = Meeting(
            meeting_id=uuid4(),
            kind=kind,
            starts_at=starts_at,
            ends_at=ends_at,
            mode=mode,
            video_url=video_url,
            location=location,
            title=title,
        )
        meeting_id = series.schedule_meeting(meeting, actor=actor)
        self.record(series)
        return meeting_id

    def reschedule_meeting(
        self,
        peer_learning_id: UUID,
        meeting_id: UUID,
        starts_at: datetime,
        ends_at: datetime,
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        series.reschedule_meeting(meeting_id, starts_at, ends_at, now=self.clock.now(), actor=actor)
        self.record(series)
        return series.version

    def correct_meeting(
        self,
        peer_learning_id: UUID,
        meeting_id: UUID,
        changes: dict[str, Any],
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        series.correct_meeting(meeting_id, changes, now=self.clock.now(), actor=actor)
        self.record(series)
        return series.version

    def cancel_meeting(
        self,
        peer_learning_id: UUID,
        meeting_id: UUID,
        actor: str,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        series.cancel_meeting(meeting_id, now=self.clock.now(), actor=actor, reason=reason)
        self.record(series)
        return series.version

    def mark_meeting_held(
        self,
        peer_learning_id: UUID,
        meeting_id: UUID,
        actor: str,
        attendance: int | None = None,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        series.mark_meeting_held(
            meeting_id, now=self.clock.now(), actor=actor, attendance=attendance
        )
        self.record(series)
        return series.version

    def record_attendance(
        self,
        peer_learning_id: UUID,
        meeting_id: UUID,
        present: Mapping[UUID, UUID],
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        """Who was present: each participant's id with the id of their enrolment."""
        series = self._change(peer_learning_id, expected_version)
        self._require_could_attend(series, series.meeting(meeting_id), present)
        series.record_attendance(meeting_id, list(present), actor=actor)
        self.record(series)
        return series.version

    def _require_could_attend(
        self, series: PeerLearning, meeting: Meeting, present: Mapping[UUID, UUID]
    ) -> None:
        """Each enrolment decides whether its participants can have been at the meeting."""
        by_enrolment: dict[UUID, list[UUID]] = {}
        for participant_id, enrollment_id in present.items():
            by_enrolment.setdefault(enrollment_id, []).append(participant_id)
        for enrollment_id, participants in by_enrolment.items():
            enrollment = self.enrollment(enrollment_id)
            for participant_id in participants:
                enrollment.require_could_attend(participant_id, meeting, series.details.timezone)

    def hold_reflection(
        self,
        peer_learning_id: UUID,
        actor: str,
        held_on: date | None = None,
        notes: str | None = None,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        day = today(self.clock)
        series.hold_reflection(held_on or day, today=day, actor=actor, notes=notes)
        self.record(series)
        return series.version

    def close_series(
        self,
        peer_learning_id: UUID,
        actor: str,
        effective_on: date | None = None,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        day = today(self.clock)
        series.close(effective_on or day, today=day, actor=actor)
        self.record(series)
        return series.version

    def withdraw_series(
        self,
        peer_learning_id: UUID,
        actor: str,
        effective_on: date | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        day = today(self.clock)
        series.withdraw(effective_on or day, today=day, actor=actor, reason=reason)
        self.record(series)
        return series.version

    def set_joining(
        self,
        peer_learning_id: UUID,
        open: bool,
        actor: str,
        expected_version: int | None = None,
    ) -> int:
        series = self._change(peer_learning_id, expected_version)
        if open:
            series.reopen_joining(actor=actor)
        else:
            series.close_joining(actor=actor)
        self.record(series)
        return series.version

    def _moved_up(self, enrollment_ids: list[UUID]) -> list[Enrollment]:
        """The enrolments the series moved up from its waiting list, each told so."""
        enrollments = [self.enrollment(enrollment_id) for enrollment_id in enrollment_ids]
        for enrollment in enrollments:
            enrollment.move_up(actor=PROMOTED_BY)
        return enrollments
