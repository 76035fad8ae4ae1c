"""The kinds and states the domain names: closed lists a value must be one of."""

from __future__ import annotations

from enum import StrEnum

from domain.errors import InvalidValue


class Scope(StrEnum):
    THEMATIC = "thematic"
    REGIONAL = "regional"


class Format(StrEnum):
    VIRTUAL = "virtual"
    ON_SITE = "on_site"
    HYBRID = "hybrid"


class MeetingKind(StrEnum):
    KICKOFF = "kickoff"
    EXCHANGE = "exchange"
    REFLECTION = "reflection"


class MeetingState(StrEnum):
    SCHEDULED = "scheduled"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    HELD = "held"


class EnrollmentStatus(StrEnum):
    REGISTERED = "registered"
    ADMITTED = "admitted"
    WAITLISTED = "waitlisted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Admission(StrEnum):
    """Where a series puts a newcomer; the values are the enrolment's status then."""

    ADMITTED = "admitted"
    WAITLISTED = "waitlisted"


class Locale(StrEnum):
    DE = "de"
    EN = "en"


def require_enum(enum: type[StrEnum], value: str, what: str) -> str:
    try:
        return str(enum(value))
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InvalidValue(f"{what} '{value}' is not one of: {allowed}.") from None
