"""The mails after a registration's confirmation, in each reader's language: received,
admitted (with the planned meetings as .ics and the series' feed), waitlisted (with the
position) and declined (with the reason); later, moved up from the waiting list (with the
.ics and the feed, as admitted) and the series closed or withdrawn (with the day and the
reason given)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import Message
from typing import Any
from uuid import UUID

from calendars.ics import feed_calendar, meeting_event
from scheduler.letter_mail import letter_mail
from scheduler.message import message_id_for
from wording.catalogues import N_, language, translations
from wording.dates import long_date

RECEIVED = "registration-received"
ADMITTED = "registration-admitted"
WAITLISTED = "registration-waitlisted"
DECLINED = "registration-declined"
NOTE = "registration-note"  # to the series' contact address: a registration was confirmed
MOVED_UP = "moved-up"  # a waiting enrolment got a seat
WELCOME = "welcome"  # a participant joined an enrolment after its seat's mail
SERIES_CLOSED = "series-closed"
SERIES_WITHDRAWN = "series-withdrawn"
WITH_MEETINGS = (ADMITTED, MOVED_UP, WELCOME)  # the mails that carry the planned meetings as .ics
PLANNED = ("scheduled", "rescheduled")

LETTER: dict[str, tuple[str, str]] = {  # the ids of each purpose's subject and body
    NOTE: (N_("registration.note.subject"), N_("registration.note.body")),
    RECEIVED: (N_("registration.received.subject"), N_("registration.received.body")),
    ADMITTED: (N_("registration.admitted.subject"), N_("registration.admitted.body")),
    WAITLISTED: (N_("registration.waitlisted.subject"), N_("registration.waitlisted.body")),
    DECLINED: (N_("registration.declined.subject"), N_("registration.declined.body")),
    MOVED_UP: (N_("enrolment.moved_up.subject"), N_("enrolment.moved_up.body")),
    WELCOME: (N_("enrolment.welcome.subject"), N_("enrolment.welcome.body")),
    SERIES_CLOSED: (N_("series.closed.subject"), N_("series.closed.body")),
    SERIES_WITHDRAWN: (N_("series.withdrawn.subject"), N_("series.withdrawn.body")),
}
BECAUSE = N_("series.withdrawn.because")  # the reason's sentence, when one was given


@dataclass(frozen=True)
class OutcomeLetter:
    purpose: str
    recipient_id: UUID
    name: str
    email: str
    locale: str
    values: dict[str, Any]
    meetings: tuple[dict[str, Any], ...] = ()
    series: dict[str, Any] | None = None
    self_service_url: str | None = None  # the reader's own page, for those taking part


def composed(dispatch_id: UUID, letter: OutcomeLetter) -> Callable[[str, datetime], Message]:
    """The letter's mail, once the sender and the moment are known."""
    return lambda sender, now: outcome_message(dispatch_id, letter, sender, now)


def outcome_message(
    dispatch_id: UUID, letter: OutcomeLetter, sender: str, now: datetime
) -> Message:
    _ = translations(letter.locale).gettext
    subject, body = LETTER[letter.purpose]
    values = {**letter.values, "name": letter.name, **_ending(letter, _)}
    text = _(body).format(**values)
    if letter.self_service_url:
        text += "\n" + _("registration.self_service").format(link=letter.self_service_url)
    return letter_mail(
        subject=_(subject).format(**values),
        to=(letter.name, letter.email),
        sender=sender,
        now=now,
        message_id=message_id_for(dispatch_id),
        text=text,
        locale=letter.locale,
        calendar=_calendar(letter, now),
    )


def _calendar(letter: OutcomeLetter, now: datetime) -> bytes | None:
    """The series' planned meetings, for the letters that tell of a seat in it, in the
    reader's language (like the reminders)."""
    if letter.purpose not in WITH_MEETINGS or letter.series is None:
        return None
    planned = [m for m in letter.meetings if m["state"] in PLANNED]
    lang = language(letter.locale)
    events = [meeting_event(m, letter.series, now, lang) for m in planned]
    return bytes(feed_calendar(str(letter.series["title"]), events).to_ical())


def _ending(letter: OutcomeLetter, _: Callable[[str], str]) -> dict[str, str]:
    """The day a series ended, in the reader's language, and the reason's sentence."""
    if letter.purpose not in (SERIES_CLOSED, SERIES_WITHDRAWN):
        return {}
    reason = letter.values.get("reason")
    return {
        "on": long_date(letter.values["effective_on"], language(letter.locale)),
        "because": _(BECAUSE).format(reason=reason) if reason else "",
    }
