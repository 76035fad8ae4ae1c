"""What the seats should look like: admitted in order up to capacity, then a queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from domain.peer_learning import PeerLearning
from domain.values import MeetingKind, MeetingState


@dataclass
class Seats:
    capacity: int
    admitted: list[str] = field(default_factory=list)
    waitlist: list[str] = field(default_factory=list)
    gone: dict[str, str] = field(default_factory=dict)

    def enrolled(self, enrollment_id: str) -> None:
        if len(self.admitted) < self.capacity:
            self.admitted.append(enrollment_id)
        else:
            self.waitlist.append(enrollment_id)

    def left(self, enrollment_id: str, status: str) -> None:
        for queue in (self.admitted, self.waitlist):
            if enrollment_id in queue:
                queue.remove(enrollment_id)
        self.gone[enrollment_id] = status
        self.promote()

    def grown(self, capacity: int) -> None:
        self.capacity = capacity
        self.promote()

    def promote(self) -> None:
        while self.waitlist and len(self.admitted) < self.capacity:
            self.admitted.append(self.waitlist.pop(0))

    def status_of(self, enrollment_id: str) -> str:
        if enrollment_id in self.admitted:
            return "admitted"
        if enrollment_id in self.waitlist:
            return "waitlisted"
        return self.gone[enrollment_id]


def schedule_problems(series: PeerLearning) -> list[str]:
    """The meeting rules every recorded schedule must satisfy."""
    active = sorted(
        (m for m in series.meetings.values() if m.state != MeetingState.CANCELLED),
        key=lambda m: m.starts_at,
    )
    problems = []
    for earlier, later in zip(active, active[1:], strict=False):
        if later.starts_at < earlier.ends_at:
            problems.append(f"{earlier.meeting_id} overlaps {later.meeting_id}")
    kinds = [m.kind for m in active]
    if MeetingKind.KICKOFF in kinds and kinds[0] != MeetingKind.KICKOFF:
        problems.append("the kick-off is not the earliest meeting")
    if kinds.count(MeetingKind.KICKOFF) > 1 or kinds.count(MeetingKind.REFLECTION) > 1:
        problems.append("more than one kick-off or reflection")
    if (
        MeetingKind.REFLECTION in kinds
        and MeetingKind.EXCHANGE in kinds[kinds.index("reflection") :]
    ):
        problems.append("an exchange comes after the reflection")
    return problems


def latest_end(series: PeerLearning) -> datetime | None:
    ends = [m.ends_at for m in series.meetings.values() if m.state != MeetingState.CANCELLED]
    return max(ends, default=None)
