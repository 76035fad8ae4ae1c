"""The polite refusals of a registration in the registering person's language, and the
confirmation links the API reads."""

from __future__ import annotations

from uuid import UUID

from babel.lists import format_list

from api.context import services
from api.errors import ProblemError
from application.links import ConfirmationLink, InvalidLink
from domain.registration import CONFIRMATION_WINDOW
from wording.catalogues import N_, cldr_locale, translations

REFUSALS = {
    "model-project": N_("refusal.model-project"),
    "outside-region": N_("refusal.outside-region"),
    "already-enrolled": N_("refusal.already-enrolled"),
    "joining-closed": N_("refusal.joining-closed"),
    "under-way": N_("refusal.under-way"),
}


def refusal_text(reason: str, locale: str, name: str, regions: list[str]) -> str:
    text = translations(locale).gettext(REFUSALS[reason])
    return text.format(name=name, regions=format_list(regions, locale=cldr_locale(locale)))


def confirmation_token(registration_id: UUID, submission: int = 1) -> str:
    link = ConfirmationLink(registration_id, submission)
    return services().links.confirmation_token(link)  # type: ignore[no-any-return]


def confirmation_of(token: str) -> ConfirmationLink:
    """What a confirmation link confirms; 400 for a forged or outdated link."""
    try:
        return services().links.confirmation_of(token, CONFIRMATION_WINDOW)  # type: ignore[no-any-return]
    except InvalidLink as error:
        raise ProblemError(400, str(error)) from None
