"""What a self-service page knows and checks: whom its link names, what they may choose, and
the mail that asks a new address to be confirmed."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any
from uuid import UUID

from flask import current_app

from api.audit_views import pseudonyms
from api.context import services
from application.links import EmailChange, PersonLink
from domain.checks import require_email, require_line
from domain.checks import time_zones as zone_names
from domain.errors import DomainError, InvalidValue
from domain.registration import PUBLIC
from scheduler.address_letters import AddressLetter, send_address_letter
from scheduler.settings import SmtpSettings, reminder_settings
from scheduler.smtp import SmtpOutbox
from wording.catalogues import LANGUAGES

# The SMTP server the address mails go through: the reminders' own unless the app is told.
SMTP = "PEERLEARNING_SMTP_SETTINGS"
NAME_LENGTH = 200


class NotAllowed(DomainError):
    """What this person's page does not offer them (any more)."""


@dataclass(frozen=True)
class Person:
    """The person a link names, as the views hold them, and their enrolment's people."""

    link: PersonLink
    name: str
    email: str
    locale: str
    timezone: str | None
    active: bool
    is_contact: bool
    municipality: str
    others: list[dict[str, Any]] = field(default_factory=list)


def person_of(link: PersonLink) -> Person | None:
    enrollment = services().views.enrollment(link.enrollment_id)
    if enrollment is None:
        return None
    found = [p for p in enrollment["participants"] if p["participant_id"] == link.participant_id]
    if not found:
        return None
    me = found[0]
    is_contact = enrollment["contact"]["subject_id"] == link.participant_id
    others = [
        p
        for p in enrollment["participants"]
        if p["participant_id"] != link.participant_id and p["left_at"] is None
    ]
    return Person(
        link=link,
        name=me["name"],
        email=me["email"],
        locale=me["locale"] or "de",
        timezone=me["timezone"],
        active=me["left_at"] is None,
        is_contact=is_contact,
        municipality=enrollment["municipality"]["name"],
        others=others if is_contact else [],
    )


def actor_of(participant_id: UUID) -> str:
    """The person as actor: pseudonymised, as everyone from the public."""
    return f"{PUBLIC}:{pseudonyms()(participant_id)}"


@cache
def time_zones() -> tuple[str, ...]:
    return tuple(sorted(zone_names()))


def chosen_settings(form: dict[str, str]) -> dict[str, str | None]:
    """The language and time zone chosen, checked; an empty zone is the series' own."""
    locale = form.get("locale", "")
    if locale not in LANGUAGES:
        raise InvalidValue(f"Language must be one of {', '.join(LANGUAGES)}.")
    timezone = form.get("timezone", "")
    if timezone and timezone not in zone_names():
        raise InvalidValue("Time zone must be one from the list.")
    return {"locale": locale, "timezone": timezone or None}


def chosen_person(form: dict[str, str]) -> dict[str, str]:
    """A participant the contact adds: name, e-mail and language, checked."""
    locale = form.get("locale", "")
    if locale not in LANGUAGES:
        raise InvalidValue(f"Language must be one of {', '.join(LANGUAGES)}.")
    name = require_line(form.get("name", ""), "Name", NAME_LENGTH)
    return {"name": name, "email": require_email(form.get("email", "")), "locale": locale}


def ask_to_confirm(person: Person, email: str) -> None:
    """Mails the link that confirms `email` to that address; nothing changes before."""
    links = services().links
    link = person.link
    change = EmailChange(link.enrollment_id, link.participant_id, email, replaces=person.email)
    url = links.email_change_url(change, person.locale)
    letter = AddressLetter(name=person.name, email=email, locale=person.locale, link=url)
    smtp = smtp_settings()
    send_address_letter(SmtpOutbox(smtp), letter, smtp.sender, services().app.clock.now())


def smtp_settings() -> SmtpSettings:
    configured = current_app.config.get(SMTP)
    return configured if isinstance(configured, SmtpSettings) else reminder_settings().smtp
