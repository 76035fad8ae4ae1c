"""A series' seats: a newcomer is admitted while a seat is free, else waits on the list;
a freed seat goes to the first on the waiting list (first come, first served)."""

from __future__ import annotations

from uuid import UUID

from domain import rules
from domain.errors import EnrollmentNotChangeable, SeriesFull
from domain.kinds import Admission
from domain.series_state import SeriesState

# Who moves the next enrolment up when a seat comes free: the series, not a person.
PROMOTED_BY = "system"


def seat_for_newcomer(capacity: int | None, admitted: int, waiting: int) -> bool:
    """Whether a newcomer gets a seat: one is free and nobody waits for one (else the
    newcomer joins the waiting list)."""
    return waiting == 0 and (capacity is None or admitted < capacity)


def require_seats_for_admitted(capacity: int | None, admitted: int) -> None:
    """Admitted municipalities never exceed the seats: a capacity cannot drop below them."""
    if capacity is not None and capacity < admitted:
        raise SeriesFull(
            f"{admitted} municipalities are admitted, so the capacity cannot be {capacity}; "
            f"give at least {admitted} seats, or release enrolments first."
        )


class SeatCommands(SeriesState):
    def has_seat_for_one_more(self) -> bool:
        capacity = self.details.capacity
        return capacity is None or len(self.admitted) < capacity

    def holds_place(self, enrollment_id: UUID) -> bool:
        """Whether the enrolment has a seat or a place on the waiting list."""
        key = str(enrollment_id)
        return key in self.admitted or key in self.waitlist

    def enrol(self, enrollment_id: UUID, actor: str) -> Admission:
        """Admits a newcomer while a seat is free and nobody waits for one, else waitlists it."""
        self._require_newcomer(enrollment_id)
        if self._seat_free_for_newcomer():
            self._enrollment_admitted(enrollment_id=enrollment_id, actor=actor)
            return Admission.ADMITTED
        self._enrollment_waitlisted(enrollment_id=enrollment_id, actor=actor)
        return Admission.WAITLISTED

    def admit(self, enrollment_id: UUID, actor: str) -> None:
        """Admits a newcomer to a free seat; refuses when no seat is free for it."""
        self._require_newcomer(enrollment_id)
        if not self._seat_free_for_newcomer():
            raise SeriesFull(
                f"All {self.details.capacity} seats are taken and {len(self.waitlist)} "
                "wait for one; a newcomer joins the waiting list."
            )
        self._enrollment_admitted(enrollment_id=enrollment_id, actor=actor)

    def release(self, enrollment_id: UUID, actor: str) -> list[UUID]:
        """Frees the enrolment's seat or its place on the waiting list; returns the
        enrolments that moved up into the free seats, in the order they waited."""
        rules.require_not_finished(self)
        if not self.holds_place(enrollment_id):
            return []
        self._enrollment_released(enrollment_id=enrollment_id, actor=actor)
        return self._fill_free_seats()

    def _fill_free_seats(self) -> list[UUID]:
        """Gives every free seat to the head of the waiting list (after a release or when
        the capacity grew)."""
        moved_up = []
        while self.waitlist and self.has_seat_for_one_more():
            head = UUID(self.waitlist[0])
            self._enrollment_admitted(enrollment_id=head, actor=PROMOTED_BY)
            moved_up.append(head)
        return moved_up

    def _seat_free_for_newcomer(self) -> bool:
        return seat_for_newcomer(self.details.capacity, len(self.admitted), len(self.waitlist))

    def _require_newcomer(self, enrollment_id: UUID) -> None:
        rules.require_not_finished(self)
        if self.holds_place(enrollment_id):
            raise EnrollmentNotChangeable(
                f"The enrolment {enrollment_id} already has a seat or a place on the "
                "waiting list of this series."
            )
