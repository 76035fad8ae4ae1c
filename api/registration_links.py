"""Signed, expiring links for the public's registrations (itsdangerous), and the polite
refusals in the registering person's language."""

from __future__ import annotations

from uuid import UUID

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from api.context import services
from api.errors import ProblemError
from audit.database import StoreDatabase
from audit.server_keys import ServerKeys
from domain.registration import CONFIRMATION_WINDOW

LINK_KEY = "links"
SIGNER = "peerlearning.link_signer"
CONFIRM = "registration-confirm"

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


def signer() -> URLSafeTimedSerializer:
    extensions = current_app.extensions
    if SIGNER not in extensions:
        keys = ServerKeys(StoreDatabase(services().app))
        extensions[SIGNER] = URLSafeTimedSerializer(keys.key(LINK_KEY), salt=CONFIRM)
    found: URLSafeTimedSerializer = extensions[SIGNER]
    return found


def confirmation_token(registration_id: UUID) -> str:
    return str(signer().dumps(str(registration_id)))


def registration_of(token: str) -> UUID:
    """The registration a confirmation link names; 400 for a forged or outdated link."""
    try:
        found = signer().loads(token, max_age=int(CONFIRMATION_WINDOW.total_seconds()))
        return UUID(str(found))
    except (BadSignature, ValueError):
        raise ProblemError(400, "This link is not valid (any more).") from None
