"""Value objects of the domain; their kinds and checks live beside them and are
importable from here too."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from domain.checks import (
    EARLIEST_DAY,
    LATEST_DAY,
    WEB_SCHEMES,
    is_one_line,
    is_web_link,
    require_aware,
    require_day,
    require_email,
    require_line,
    require_link,
    require_text,
    require_timezone,
)
from domain.kinds import (
    EnrollmentStatus,
    Format,
    Locale,
    MeetingKind,
    MeetingState,
    Scope,
    require_enum,
)
from domain.official_keys import district_of, require_land, require_official_key

__all__ = [
    "EARLIEST_DAY",
    "ERASED",
    "LATEST_DAY",
    "WEB_SCHEMES",
    "EnrollmentStatus",
    "Format",
    "Immutable",
    "Locale",
    "Meeting",
    "MeetingKind",
    "MeetingState",
    "Municipality",
    "Participant",
    "PersonalData",
    "Scope",
    "SeriesDetails",
    "is_one_line",
    "is_web_link",
    "require_aware",
    "require_day",
    "require_email",
    "require_enum",
    "require_line",
    "require_link",
    "require_text",
    "require_timezone",
    "same_name",
]

ERASED = "erased"


class Immutable:
    """Frozen values of immutable parts: copying an aggregate need not copy them."""

    def __copy__(self) -> Immutable:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Immutable:
        return self


def same_name(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


@dataclass(frozen=True)
class PersonalData(Immutable):
    """Name and e-mail of one person; sealed with that person's key when stored."""

    subject_id: UUID
    name: str
    email: str

    @classmethod
    def of(cls, subject_id: UUID, name: str, email: str) -> PersonalData:
        return cls(subject_id, require_line(name, "Name", 200), require_email(email))

    @property
    def is_erased(self) -> bool:
        return self.email == ERASED

    def is_same_person_as(self, other: PersonalData) -> bool:
        """One person under two roles: the same subject, or the same e-mail address (an
        erased person is no one to match)."""
        if self.is_erased or other.is_erased:
            return False
        same_address = self.email.casefold() == other.email.casefold()
        return self.subject_id == other.subject_id or same_address

    def named_as(self, other: PersonalData) -> PersonalData:
        """This person with the other's name and address, under their own subject."""
        return replace(self, name=other.name, email=other.email)


@dataclass(frozen=True)
class Municipality(Immutable):
    """A municipality or district, known by its official key; its name is for display.

    Enrolments recorded before the key was required may have none. A joint model project
    carries the keys of all its members: `key` and `further_keys`.
    """

    name: str
    key: str | None = None
    state: str | None = None
    region: str | None = None
    further_keys: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        name: str,
        key: str | None = None,
        state: str | None = None,
        region: str | None = None,
        further_keys: tuple[str, ...] = (),
    ) -> Municipality:
        official = require_official_key(key)
        more = tuple(dict.fromkeys(require_official_key(k) for k in further_keys if k != key))
        return cls(
            name=require_line(name, "Municipality name", 200),
            key=official,
            state=require_land(official, require_line(state, "State", 100) if state else None),
            region=require_line(region, "Region", 100) if region else None,
            further_keys=more,
        )

    @property
    def official_keys(self) -> tuple[str, ...]:
        return ((self.key,) if self.key else ()) + tuple(self.further_keys)

    def covers(self, other: Municipality) -> bool:
        """Whether `other` is this place or one of its members: one of its keys, or a
        municipality of a district among its keys. Where a side has no key (recorded
        before keys were required) the names are compared."""
        keys = self.official_keys
        if keys and other.key:
            return other.key in keys or district_of(other.key) in keys
        return same_name(self.name, other.name)


@dataclass(frozen=True)
class Meeting(Immutable):
    meeting_id: UUID
    kind: str
    starts_at: datetime
    ends_at: datetime
    mode: str
    video_url: str | None = None
    location: str | None = None
    title: str | None = None
    state: str = MeetingState.SCHEDULED
    schedule_version: int = 1
    attendance: int | None = None

    @property
    def is_active(self) -> bool:
        return self.state != MeetingState.CANCELLED

    @property
    def is_open(self) -> bool:
        return self.state in (MeetingState.SCHEDULED, MeetingState.RESCHEDULED)

    def overlaps(self, other: Meeting) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at

    def checked_facts(self) -> Meeting:
        """The meeting with its texts checked: they reach mails and calendars line by line."""
        return replace(
            self,
            title=require_line(self.title, "Meeting title", 300) if self.title else None,
            location=require_line(self.location, "Location", 300) if self.location else None,
            video_url=require_link(self.video_url, "Video URL") if self.video_url else None,
        )


@dataclass(frozen=True)
class Participant(Immutable):
    participant_id: UUID
    person: PersonalData
    locale: str = Locale.DE
    timezone: str | None = None
    joined_at: datetime | None = None
    left_at: datetime | None = None

    @property
    def is_active(self) -> bool:
        return self.left_at is None


@dataclass(frozen=True)
class SeriesDetails(Immutable):
    """What the team announces about a series; revised as a whole."""

    title: str
    host: str
    summary: str
    topics: tuple[str, ...]
    scope: str
    regions: tuple[str, ...]
    format: str
    location: str | None
    starts_on: date
    ends_on: date | None
    planned_meetings: int
    capacity: int | None
    agenda_url: str | None
    contact_email: str
    timezone: str = "Europe/Berlin"
    remind_on_site: bool = False
    reminder_offsets: tuple[str, ...] | None = None
