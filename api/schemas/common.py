"""Pieces every schema shares: strict loading, the problem document, enums."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, validate

from domain.errors import InvalidValue
from domain.status import SeriesStatus
from domain.values import (
    EARLIEST_DAY,
    LATEST_DAY,
    Format,
    Locale,
    MeetingKind,
    Scope,
    require_email,
    require_link,
)


def one_of(enum: type[StrEnum]) -> validate.OneOf:
    return validate.OneOf([member.value for member in enum])


FORMATS = one_of(Format)
SCOPES = one_of(Scope)
KINDS = one_of(MeetingKind)
LOCALES = one_of(Locale)
STATUSES = one_of(SeriesStatus)


# ECMA and Python regular expressions alike; matched against the whole value.
ONE_LINE = r"^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$"
MULTI_LINE = r"^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$"
IN_PROGRAMME_YEARS = r"^2[01][0-9]{2}-"
WEB_LINK = r"^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\s]\S*$"
OFFSET = r"^[Pp][0-9WwDdTtHhMmSs]*$"
BIGGEST = 2**63 - 1  # the stores' integer columns
MOST_LIST_ITEMS = 50


class Pattern(validate.Regexp):
    """A regular expression the whole value must match; documented as `pattern`."""

    def __call__(self, value: Any) -> Any:
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


def no_surrogates(text: str) -> None:
    if any(unicodedata.category(c) == "Cs" for c in text):
        raise ValidationError("Contains an unpaired surrogate, which is not Unicode text.")


Check = Callable[[Any], Any]


def domain_rule(rule: Check) -> Check:
    """A domain check as a field validator: the domain's message becomes the field's."""

    def check(value: Any) -> None:
        try:
            rule(value)
        except InvalidValue as error:
            raise ValidationError(str(error)) from None

    return check


EARLIEST, LATEST = EARLIEST_DAY, LATEST_DAY


class ProgrammeYears(validate.Range):
    """Days (and moments, by the day they are written on) within 2000-01-01..2199-12-31."""

    def __init__(self) -> None:
        super().__init__(
            min=EARLIEST, max=LATEST, error=f"Must lie between {EARLIEST} and {LATEST}."
        )

    def __call__(self, value: Any) -> Any:
        day = value.date() if isinstance(value, datetime) else value
        super().__call__(day)
        return value


within_programme_years = ProgrammeYears()


def on_programme_day(moment: datetime) -> None:
    """For moments: the day they are written on (a plain function, so the document does
    not try to print the day bounds as moments)."""
    within_programme_years(moment)


YEARS_DOC = f"Between {EARLIEST} and {LATEST}."


class Day(fields.Date):
    """A day of the programme's calendar, YYYY-MM-DD."""

    def __init__(self, description: str = "", **kwargs: Any) -> None:
        metadata = {"description": f"{description} {YEARS_DOC}".strip()}
        metadata["pattern"] = IN_PROGRAMME_YEARS
        super().__init__(validate=within_programme_years, metadata=metadata, **kwargs)


class Moment(fields.AwareDateTime):
    """An ISO 8601 moment with its offset, on a day of the programme's calendar."""

    def __init__(self, description: str = "", **kwargs: Any) -> None:
        metadata = {"description": f"{description} {YEARS_DOC}".strip()}
        metadata["pattern"] = IN_PROGRAMME_YEARS
        super().__init__(format="iso", validate=on_programme_day, metadata=metadata, **kwargs)


class Text(fields.String):
    """Free text up to `max_length` characters: line breaks and tabs allowed, no other
    control characters."""

    def __init__(self, max_length: int = 2000, min_length: int = 0, **kwargs: Any) -> None:
        length = validate.Length(min=min_length, max=max_length)
        control = Pattern(MULTI_LINE, error="Contains control characters; remove them.")
        super().__init__(validate=[length, control, no_surrogates], **kwargs)


class Line(fields.String):
    """One line of text: it may become a mail header or a calendar property."""

    def __init__(self, max_length: int = 300, min_length: int = 0, **kwargs: Any) -> None:
        length = validate.Length(min=min_length, max=max_length)
        one_line = Pattern(
            ONE_LINE,
            error="Must be one line: remove line breaks, tabs and other control characters.",
        )
        super().__init__(validate=[length, one_line, no_surrogates], **kwargs)


class Link(fields.String):
    """An http(s) link to a host; the scheme in any case."""

    def __init__(self, **kwargs: Any) -> None:
        checks: list[Check] = [
            validate.Length(max=2000),
            domain_rule(lambda link: require_link(link, "Link")),
        ]
        metadata = {"format": "uri", "pattern": WEB_LINK}
        super().__init__(validate=checks, metadata=metadata, **kwargs)


class Email(fields.String):
    """An e-mail address as email-validator reads it, in ASCII (the mails carry it)."""

    def __init__(self, **kwargs: Any) -> None:
        checks: list[Check] = [validate.Length(min=3, max=254), domain_rule(require_email)]
        super().__init__(validate=checks, metadata={"format": "email"}, **kwargs)


def bounded_list(item: fields.Field, most: int = MOST_LIST_ITEMS, **kwargs: Any) -> fields.List:
    return fields.List(item, validate=validate.Length(max=most), **kwargs)


class Strict(Schema):
    """Refuses fields it does not know, so typos never pass silently."""

    class Meta:
        unknown = RAISE


class ProblemSchema(Schema):
    """An RFC 9457 problem document."""

    type = fields.String(metadata={"description": "A URI naming the kind of problem."})
    title = fields.String()
    status = fields.Integer()
    detail = fields.String(metadata={"description": "What was wrong and what to do."})
    errors = fields.Dict(
        keys=fields.String(),
        metadata={"description": "Messages per field (422) or per location (400)."},
    )


class StuckErrorSchema(Schema):
    type = fields.String(metadata={"example": "KeyError"})
    message = fields.String(metadata={"description": "Without personal data."})


class StuckSchema(Schema):
    position = fields.Integer(metadata={"description": "The event the view cannot apply."})
    topic = fields.String()
    error = fields.Nested(StuckErrorSchema)


class ViewHealthSchema(Schema):
    view = fields.String(metadata={"example": "catalogue"})
    position = fields.Integer(metadata={"description": "Last event this view applied."})
    lag = fields.Integer(metadata={"description": "Events recorded that it has not applied."})
    stuck = fields.Nested(
        StuckSchema,
        allow_none=True,
        metadata={"description": "Set while the view stops at an event it cannot apply."},
    )


class HealthSchema(Schema):
    status = fields.String(metadata={"example": "ok"})
    store = fields.String(metadata={"example": "sqlite"})
    position = fields.Integer(metadata={"description": "Last event every read model applied."})
    views = fields.List(fields.Nested(ViewHealthSchema))
