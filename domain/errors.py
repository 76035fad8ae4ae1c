"""One exception tree for every broken rule, so the API can map it once."""

from __future__ import annotations


class DomainError(Exception):
    """A request broke a rule of the domain; the message says what and how to fix it."""


class NotFound(DomainError):
    """Something asked for does not exist."""


class PeerLearningNotFound(NotFound):
    def __init__(self, peer_learning_id: object) -> None:
        super().__init__(f"No Peer-Learning with id {peer_learning_id}.")


class EnrollmentNotFound(NotFound):
    def __init__(self, enrollment_id: object) -> None:
        super().__init__(f"No enrolment with id {enrollment_id}.")


class MeetingNotFound(NotFound):
    def __init__(self, meeting_id: object) -> None:
        super().__init__(f"No meeting with id {meeting_id} in this Peer-Learning.")


class ParticipantNotFound(NotFound):
    def __init__(self, participant_id: object) -> None:
        super().__init__(f"No participant with id {participant_id}.")


class ModelProjectNotFound(NotFound):
    def __init__(self, model_project_id: object) -> None:
        super().__init__(f"No funded model project with id {model_project_id}.")


class InvalidValue(DomainError):
    """A value is malformed (bad e-mail, naive datetime, end before start ...)."""


class ScheduleConflict(DomainError):
    """A meeting does not fit the series' schedule."""


class MeetingNotChangeable(DomainError):
    """The meeting is held, cancelled or already started."""


class SeriesClosed(DomainError):
    """The series is closed or withdrawn and refuses every change."""


class NotYetPossible(DomainError):
    """The step needs something to happen first (reflection before closing ...)."""


class NotEligible(DomainError):
    """The municipality may not enrol in this series."""


class AlreadyEnrolled(NotEligible):
    def __init__(self, municipality: str) -> None:
        super().__init__(f"{municipality} is already enrolled in this Peer-Learning.")


class EnrollmentNotChangeable(DomainError):
    """The enrolment's status does not allow the step (moving up one that does not wait ...)."""


class EnrollmentClosed(EnrollmentNotChangeable):
    """The enrolment is withdrawn or rejected and takes no more participants."""


class SeriesFull(DomainError):
    """Every seat of the series is taken (or promised to the waiting list)."""


class DuplicateParticipant(DomainError):
    """That e-mail address already joined this enrolment."""


class ModelProjectAlreadyListed(DomainError):
    """The funded model project is on the list already."""


class Conflict(DomainError):
    """Someone else changed the same thing at the same time; reload and retry."""


class StaleVersion(Conflict):
    """The expected version (If-Match) is no longer the current one."""

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(
            f"Expected version {expected}, but the current version is {actual}; "
            "reload and apply your change again."
        )
        self.expected = expected
        self.actual = actual


class ConcurrentWrite(Conflict):
    def __init__(self) -> None:
        super().__init__("Another change was recorded at the same time; reload and retry.")


class RegistrationRefused(NotEligible):
    """A municipality's own registration may not go ahead; `reason` names why, for its
    language: model-project, outside-region, already-enrolled, joining-closed or under-way."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class RegistrationNotFound(NotFound):
    def __init__(self, registration_id: object) -> None:
        super().__init__(f"Registration {registration_id} not found.")


class RegistrationNotChangeable(DomainError):
    """The registration's state does not allow the step (confirming an expired one ...)."""


class AddressChangeSuperseded(Conflict):
    """A confirmation link for a new address whose person changed their address since it
    was mailed: the link no longer says which change it confirms."""


class DeclineNotChangeable(DomainError):
    """A decline cannot be recorded or undone (declined twice, never declined, has left)."""


class RegionNotFound(NotFound):
    def __init__(self, region_id: object) -> None:
        super().__init__(f"No region with id {region_id} on the team's list.")


class RegionNotListed(InvalidValue):
    """A series names a region that is not on the team's list."""


class RegionAlreadyListed(DomainError):
    """A region of that name is on the list already."""
