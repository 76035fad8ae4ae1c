"""What the series page's template needs for the registration form."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api.context import services
from web.registration_form import FURTHER_PARTICIPANTS, HONEYPOT, STAMP, FormState
from wording.catalogues import N_, named

FIELD_ERRORS: dict[str, str] = {  # by the kind of error `FormState.errors` names
    "name": N_("form.error.name"),
    "key": N_("form.error.key"),
    "email": N_("form.error.email"),
    "locale": N_("form.error.locale"),
    "consent": N_("form.error.consent"),
}


def registration_form(lang: str, form: FormState | None, now: datetime) -> dict[str, Any]:
    return {
        "field_errors": named(FIELD_ERRORS, lang),
        "form": form or FormState(),
        "further": range(1, FURTHER_PARTICIPANTS + 1),
        "honeypot": HONEYPOT,
        "stamp_name": STAMP,
        "stamp": services().links.form_stamp(now),
    }
