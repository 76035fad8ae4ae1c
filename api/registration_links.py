"""The polite refusals of a registration in the registering person's language, and the
confirmation links the API reads."""

from __future__ import annotations

from uuid import UUID

from api.context import services
from api.errors import ProblemError
from application.links import InvalidLink
from domain.registration import CONFIRMATION_WINDOW

REFUSALS = {
    "de": {
        "model-project": "Vielen Dank für Ihr Interesse! {name} wird als Modellprojekt "
        "gefördert; die Peer-Learnings richten sich an Kommunen außerhalb des Programms.",
        "outside-region": "Vielen Dank für Ihr Interesse! Dieses Peer-Learning ist für "
        "Kommunen aus {regions}; {name} kann daran leider nicht teilnehmen.",
        "already-enrolled": "{name} ist bereits für dieses Peer-Learning angemeldet. "
        "Wir freuen uns auf Sie!",
        "joining-closed": "Für dieses Peer-Learning ist eine Anmeldung derzeit leider "
        "nicht möglich.",
    },
    "en": {
        "model-project": "Thank you for your interest! {name} is funded as a model project; "
        "the Peer-Learnings are for municipalities outside the programme.",
        "outside-region": "Thank you for your interest! This Peer-Learning is for "
        "municipalities in {regions}; {name} cannot take part, we are sorry.",
        "already-enrolled": "{name} is already enrolled in this Peer-Learning. "
        "We look forward to meeting you!",
        "joining-closed": "Registering for this Peer-Learning is not possible at the moment, "
        "we are sorry.",
    },
}


def refusal_text(reason: str, locale: str, name: str, regions: list[str]) -> str:
    phrases = REFUSALS.get(locale, REFUSALS["de"])
    return phrases[reason].format(name=name, regions=", ".join(regions))


def confirmation_token(registration_id: UUID) -> str:
    return services().links.confirmation_token(registration_id)  # type: ignore[no-any-return]


def registration_of(token: str) -> UUID:
    """The registration a confirmation link names; 400 for a forged or outdated link."""
    try:
        return services().links.registration_of(token, CONFIRMATION_WINDOW)  # type: ignore[no-any-return]
    except InvalidLink as error:
        raise ProblemError(400, str(error)) from None
