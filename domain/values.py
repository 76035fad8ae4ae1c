"""Value objects of the domain and the checks that make them valid."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from urllib.parse import urlsplit
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from email_validator import EmailNotValidError, validate_email

from domain.errors import InvalidValue

ERASED = "erased"
_AGS = re.compile(r"[0-9]{8}")

# The calendar every day and moment must lie in: the store, the scheduler's arithmetic
# (a day minus the longest reminder offset), the feeds and the mails all hold these.
EARLIEST_DAY, LATEST_DAY = date(2000, 1, 1), date(2199, 12, 31)
WEB_SCHEMES = ("http", "https")
# Characters that end a line somewhere: in a mail header, an iCalendar content line, a log.
_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})


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


class Locale(StrEnum):
    DE = "de"
    EN = "en"


def require_text(value: str, what: str, max_length: int = 2000) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidValue(f"{what} must not be empty.")
    if len(text) > max_length:
        raise InvalidValue(f"{what} is longer than {max_length} characters.")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        raise InvalidValue(f"{what} contains control characters; remove them.")
    return unicodedata.normalize("NFC", text)


def is_one_line(text: str) -> bool:
    """No line break, tab or other control character: fit for a header or a calendar line."""
    return not any(unicodedata.category(c) in _LINE_BREAKING for c in text)


def require_line(value: str, what: str, max_length: int = 300) -> str:
    """Text that becomes a mail header or a one-line calendar property (names, titles ...)."""
    if not is_one_line((value or "").strip()):
        raise InvalidValue(
            f"{what} must be one line: remove line breaks, tabs and other control characters."
        )
    return require_text(value, what, max_length)


def require_email(value: str, what: str = "E-mail") -> str:
    """An address the mails can carry: parsed by email-validator, ASCII, no DNS lookup."""
    email = require_line(value, what, 254)
    try:
        parsed = validate_email(email, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError as error:
        raise InvalidValue(f"{what} '{email}' is not a valid e-mail address: {error}") from None
    if not email.isascii():
        raise InvalidValue(
            f"{what} '{email}' is not a valid e-mail address for our mails: "
            f"write its domain in ASCII, as {parsed.ascii_email}."
        )
    return email


def is_web_link(value: str) -> bool:
    """An http(s) link to a host, in one line; the scheme in any case (HTTPS:// too)."""
    if not value or not is_one_line(value) or any(c.isspace() for c in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname)


def require_link(value: str, what: str) -> str:
    link = require_line(value, what, 2000)
    if not is_web_link(link):
        raise InvalidValue(f"{what} must start with https:// or http:// and name a host.")
    return link


def require_day(day: date, what: str) -> date:
    if not isinstance(day, date):
        raise InvalidValue(f"{what} must be a date, e.g. 2024-10-01.")
    calendar_day = day.date() if isinstance(day, datetime) else day
    if not EARLIEST_DAY <= calendar_day <= LATEST_DAY:
        raise InvalidValue(f"{what} must lie between {EARLIEST_DAY} and {LATEST_DAY}.")
    return day


def require_aware(moment: datetime, what: str) -> datetime:
    """A moment with its offset, on a day of the programme's calendar (as written)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidValue(f"{what} must carry a time zone offset, e.g. 2024-10-01T10:00:00+02:00.")
    require_day(moment.date(), what)
    return moment


def require_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "Europe" is a folder
        raise InvalidValue(
            f"Unknown time zone '{name}'; use an IANA name like Europe/Berlin."
        ) from None
    return name


def require_enum(enum: type[StrEnum], value: str, what: str) -> str:
    try:
        return str(enum(value))
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InvalidValue(f"{what} '{value}' is not one of: {allowed}.") from None


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


@dataclass(frozen=True)
class Municipality(Immutable):
    name: str
    key: str | None = None
    state: str | None = None
    region: str | None = None

    @classmethod
    def of(
        cls,
        name: str,
        key: str | None = None,
        state: str | None = None,
        region: str | None = None,
    ) -> Municipality:
        if key is not None and not _AGS.fullmatch(key):
            raise InvalidValue(f"Municipality key '{key}' must be the 8-digit official key (AGS).")
        return cls(
            name=require_line(name, "Municipality name", 200),
            key=key,
            state=require_line(state, "State", 100) if state else None,
            region=require_line(region, "Region", 100) if region else None,
        )

    def is_same_as(self, name: str, key: str | None) -> bool:
        if self.key and key:
            return self.key == key
        return same_name(self.name, name)


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
