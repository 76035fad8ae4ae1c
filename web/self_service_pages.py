"""The personal self-service page every mail to a person links to, and the page that confirms
a new address.

The link is signed for one participant of one enrolment and expires (`SELF_SERVICE_WINDOW`).
A GET only shows (mail scanners open links); each POST changes one thing as the person,
pseudonymised: language and time zone, leaving the series, asking for a new address (which
changes only once confirmed from it), and, for the enrolment's contact, adding or removing
the municipality's participants. The signed token in each form stands in for a CSRF token.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from flask import Response, request

from api.context import services
from application.links import PersonLink
from domain.checks import require_email
from domain.errors import (
    AddressChangeSuperseded,
    DomainError,
    DuplicateParticipant,
    InvalidValue,
)
from scheduler.smtp import DeliveryProblem
from web.link_pages import LinkRefused, opened_for_person, refusal
from web.registration_pages import notice_page, page, page_language
from web.self_service import (
    NotAllowed,
    Person,
    actor_of,
    ask_to_confirm,
    chosen_person,
    chosen_settings,
    person_of,
    time_zones,
)
from web.views import PageBlueprint, language
from wording.catalogues import N_, translations

BAD_LINK = (N_("self.title"), N_("self.bad_link"))
EXPIRED = (N_("self.title"), N_("self.expired"))
NOT_POSSIBLE = (N_("self.title"), N_("self.not_possible"))
ADDRESS_BAD_LINK = (N_("address.title"), N_("address.bad_link"))
ADDRESS_EXPIRED = (N_("address.title"), N_("address.expired"))
ADDRESS_DONE = (N_("address.title"), N_("address.done"))
ADDRESS_NOT_POSSIBLE = (N_("address.title"), N_("address.not_possible"))
ADDRESS_SUPERSEDED = (N_("address.title"), N_("address.superseded"))
PATH = "/teilnahme/einstellungen"
ADDRESS_PATH = "/teilnahme/adresse-bestaetigen"

blp = PageBlueprint("self_service_pages", __name__, template_folder="templates")
blp.register_error_handler(LinkRefused, refusal)


@blp.route(PATH, methods=["GET"])
def settings_page() -> Response:
    lang, token = language(), request.args.get("token", "")
    link = opened_for_person(services().links.self_service_of, token, lang, EXPIRED, BAD_LINK)
    return shown(link, token, lang, 200)


@blp.route(PATH, methods=["POST"])
def change_settings() -> Response:
    lang, token = page_language(), request.form.get("token", "")
    link = opened_for_person(services().links.self_service_of, token, lang, EXPIRED, BAD_LINK)
    person, action = person_of(link), request.form.get("action", "")
    if person is None:
        return notice_page(NOT_POSSIBLE, lang, 409)
    if action not in CHANGES:
        return notice_page(BAD_LINK, lang, 400)
    try:
        done, lang = CHANGES[action](person, request.form.to_dict(), lang)
    except InvalidValue:
        return shown(link, token, lang, 422, error=said(lang, INVALID[action]))
    except DuplicateParticipant:
        return shown(link, token, lang, 422, error=said(lang, N_("self.duplicate")))
    except DeliveryProblem:
        return shown(link, token, lang, 503, error=said(lang, N_("self.email_failed")))
    except DomainError:
        return notice_page(NOT_POSSIBLE, lang, 409)
    return shown(link, token, lang, 200, done=said(lang, done))


def change_language_or_zone(person: Person, form: dict[str, str], lang: str) -> tuple[str, str]:
    """The page answers in the language just chosen."""
    changes = chosen_settings(form)
    app, link = services().app, person.link
    app.correct_own_details(
        link.enrollment_id, link.participant_id, changes, actor=actor_of(link.participant_id)
    )
    return N_("self.saved"), str(changes["locale"])


def leave_series(person: Person, form: dict[str, str], lang: str) -> tuple[str, str]:
    """Leaving twice records nothing the second time."""
    link = person.link
    actor = actor_of(link.participant_id)
    services().app.leave(link.enrollment_id, link.participant_id, actor=actor)
    return N_("self.left"), lang


def ask_for_new_address(person: Person, form: dict[str, str], lang: str) -> tuple[str, str]:
    _active(person)
    email = require_email(form.get("email", ""))
    ask_to_confirm(person, email)
    return N_("self.email_sent"), lang


def add_participant(person: Person, form: dict[str, str], lang: str) -> tuple[str, str]:
    _as_contact(person)
    chosen = chosen_person(form)
    services().app.join(
        person.link.enrollment_id,
        chosen["name"],
        chosen["email"],
        actor=actor_of(person.link.participant_id),
        locale=chosen["locale"],
    )
    return N_("self.added"), lang


def remove_participant(person: Person, form: dict[str, str], lang: str) -> tuple[str, str]:
    _as_contact(person)
    try:
        removed = UUID(form.get("participant", ""))
    except ValueError:
        raise InvalidValue("Choose a participant from the list.") from None
    if removed not in {p["participant_id"] for p in person.others}:
        raise InvalidValue("Choose a participant from the list.")
    actor = actor_of(person.link.participant_id)
    services().app.leave(person.link.enrollment_id, removed, actor=actor)
    return N_("self.removed"), lang


INVALID = {  # what the page says when what was sent for each action is not valid
    "settings": N_("self.invalid_settings"),
    "leave": N_("self.not_possible"),
    "email": N_("self.invalid_email"),
    "add": N_("self.invalid_person"),
    "remove": N_("self.invalid_choice"),
}
CHANGES: dict[str, Callable[[Person, dict[str, str], str], tuple[str, str]]] = {
    "settings": change_language_or_zone,
    "leave": leave_series,
    "email": ask_for_new_address,
    "add": add_participant,
    "remove": remove_participant,
}


def _active(person: Person) -> None:
    if not person.active:
        raise NotAllowed("Who has left the series has nothing to change any more.")


def _as_contact(person: Person) -> None:
    _active(person)
    if not person.is_contact:
        raise NotAllowed("Only the municipality's contact adds or removes participants.")


def said(lang: str, message_id: str) -> str:
    return translations(lang).gettext(message_id)


def shown(
    link: PersonLink, token: str, lang: str, status: int, done: str = "", error: str = ""
) -> Response:
    person = person_of(link)
    if person is None:
        return notice_page(NOT_POSSIBLE, lang, 409)
    return page(
        "self_service.html",
        lang,
        status,
        token=token,
        person=person,
        zones=time_zones(),
        done=done,
        error=error,
    )


@blp.route(ADDRESS_PATH, methods=["GET"])
def address_page() -> Response:
    lang, token = language(), request.args.get("token", "")
    change = opened_for_person(
        services().links.email_change_of, token, lang, ADDRESS_EXPIRED, ADDRESS_BAD_LINK
    )
    return page("address_confirm.html", lang, 200, token=token, email=change.email)


@blp.route(ADDRESS_PATH, methods=["POST"])
def confirm_address() -> Response:
    lang, token = page_language(), request.form.get("token", "")
    change = opened_for_person(
        services().links.email_change_of, token, lang, ADDRESS_EXPIRED, ADDRESS_BAD_LINK
    )
    try:
        services().app.confirm_own_address(change, actor=actor_of(change.participant_id))
    except AddressChangeSuperseded:
        return notice_page(ADDRESS_SUPERSEDED, lang, 409)
    except DomainError:
        return notice_page(ADDRESS_NOT_POSSIBLE, lang, 409)
    return notice_page(ADDRESS_DONE, lang, 200)
