"""The checks that make a text, a link, a day or a moment valid for the domain."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from email_validator import EmailNotValidError, validate_email

from domain.errors import InvalidValue

# The calendar every day and moment must lie in: the store, the scheduler's arithmetic
# (a day minus the longest reminder offset), the feeds and the mails all hold these.
EARLIEST_DAY, LATEST_DAY = date(2000, 1, 1), date(2199, 12, 31)
WEB_SCHEMES = ("http", "https")
# Characters that end a line somewhere: in a mail header, an iCalendar content line, a log.
_LINE_BREAKING = frozenset({"Cc", "Zl", "Zp"})
# Controls that turn the direction of the text around them (embeddings, overrides,
# isolates): shown in a page, a subject or a calendar they make text read otherwise.
_DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_visible_character(text: str) -> bool:
    """Something a reader sees: not only whitespace and invisible format characters
    (zero-width spaces, byte order marks ...)."""
    return any(not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def _require_readable(text: str, what: str) -> None:
    if any(c in _DIRECTION_CONTROLS for c in text):
        raise InvalidValue(
            f"{what} contains characters that change the direction of the text "
            "(U+202A to U+202E, U+2066 to U+2069); remove them."
        )
    if not has_visible_character(text):
        raise InvalidValue(
            f"{what} has no visible character; write some text instead of only "
            "invisible characters such as zero-width spaces."
        )


def require_text(value: str, what: str, max_length: int = 2000) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidValue(f"{what} must not be empty.")
    if len(text) > max_length:
        raise InvalidValue(f"{what} is longer than {max_length} characters.")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        raise InvalidValue(f"{what} contains control characters; remove them.")
    _require_readable(text, what)
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


# Names in the zone database that are no place's time: "Factory" says none was set,
# "localtime" and "posixrules" are whatever the machine is set to.
NO_PLACE = frozenset({"Factory", "localtime", "posixrules"})


@cache
def time_zones() -> frozenset[str]:
    """The IANA time zones a series or a person may name."""
    return frozenset(available_timezones()) - NO_PLACE


def require_timezone(name: str) -> str:
    if name not in time_zones():
        raise InvalidValue(f"Unknown time zone '{name}'; use an IANA name like Europe/Berlin.")
    return name
